// Parsing one record into a generated row struct, from the list of columns
// its Spec holds (`kColumns`, a constant tuple of Column<&Row::field>): a CSV
// record by column position; a JSON line by field name, first by FlatJson (a
// flat object of plain values, nearly every line) and, when that reader is
// not sure, by simdjson On-Demand, which decides. The templates unroll over
// the tuple at compile time, so each column's conversion is inlined into the
// generated program as if written out for it.
//
// A table's Spec also lists kValueColumns, every non-key column by name: a
// JSON record with a value in none of them deletes its key (has_value).
#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "streamc/arena.h"
#include "streamc/column_type.h"
#include "streamc/decimal.h"
#include "streamc/input.h"
#include "streamc/json.h"
#include "streamc/json_flat.h"
#include "streamc/per_record.h"
#include "streamc/scalar.h"
#include "streamc/scan.h"
#include "streamc/text.h"
#include "streamc/timestamp.h"

namespace streamc {

// One column a row reads: its name in the input, its type, and whether a
// record without a value is bad (NOT NULL). Column i of kColumns is field i of
// the row struct, whose NULL bit is bit i % 64 of word i / 64 (`nulls`, or
// `nulls[i / 64]` in rows of more than 64 columns), as the generated row
// struct numbers them.
template <auto Field>
struct Column {
  static constexpr auto kField = Field;
  std::string_view name;
  ColumnType type;
  bool not_null = false;
};

// The names of a Spec's columns, in order (a CSV file's header is searched for them).
template <class Spec>
inline constexpr auto kColumnNames = std::apply(
    [](const auto&... c) { return std::array<std::string_view, sizeof...(c)>{c.name...}; }, Spec::kColumns);

namespace detail {

template <class Spec>
inline constexpr size_t kColumnCount = std::tuple_size_v<std::remove_cvref_t<decltype(Spec::kColumns)>>;

// A table's Spec: non-key columns with a value mark the record an upsert.
template <class Spec>
inline constexpr bool kTracksValues = requires { Spec::kValueColumns; };

template <class Spec>
constexpr bool is_value_column(std::string_view name) {
  if constexpr (kTracksValues<Spec>) {
    for (std::string_view v : Spec::kValueColumns) {
      if (v == name) return true;
    }
  }
  return false;
}

// The NULL word of `r` holding a column's bit (Row may be const).
template <size_t I, class Row>
[[gnu::always_inline]] inline auto& null_word(Row& r) {
  if constexpr (std::is_array_v<decltype(Row::nulls)>) {
    return r.nulls[I / 64];
  } else {
    return r.nulls;
  }
}
template <size_t I>
inline constexpr uint64_t kNullBit = uint64_t(1) << (I % 64);

// Every column read starts NULL; a value clears its bit.
template <class Spec, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline void reset_row(Row& r) {
  constexpr size_t n = kColumnCount<Spec>;
  // The low n bits, 64 to a word.
  constexpr auto all_null = [](size_t word) { return n >= 64 * (word + 1) ? ~uint64_t(0) : kNullBit<n> - 1; };
  r = {};
  if constexpr (std::is_array_v<decltype(Row::nulls)>) {
    for (size_t word = 0; word < std::extent_v<decltype(Row::nulls)>; ++word) r.nulls[word] = all_null(word);
  } else {
    r.nulls = all_null(0);
  }
}

// Why a record is bad because of column I: a value that does not convert, or
// no value in a NOT NULL column.
template <class Spec, size_t I>
struct ColumnReasons {
  static constexpr const auto& c = std::get<I>(Spec::kColumns);
  static constexpr auto kBadValue = FixedText<c.name.size() + 40>()
                                        .add("column '")
                                        .add(c.name)
                                        .add("' is not a valid ")
                                        .add(type_name(c.type).view());
  static constexpr auto kNoValue =
      FixedText<c.name.size() + 40>().add("column '").add(c.name).add("' is NOT NULL but has no value");
};

// Text (a CSV field, a JSON string holding a date) converted to a column's type.
template <ColumnType T, class V>
[[gnu::always_inline]] inline bool text_to(std::string_view text, V& out) {
  if constexpr (T.id == ColumnType::Boolean) return parse_bool(text, out);
  if constexpr (T.id == ColumnType::Int) return parse_int32(text, out);
  if constexpr (T.id == ColumnType::BigInt) return parse_int64(text, out);
  if constexpr (T.id == ColumnType::Double) return parse_double(text, out);
  if constexpr (T.id == ColumnType::Decimal) return parse_decimal(text, T.precision, T.scale, out);
  if constexpr (T.id == ColumnType::Timestamp) return parse_timestamp(text, out);
  if constexpr (T.id == ColumnType::Date) return parse_date(text, out);
  if constexpr (T.id == ColumnType::Varchar) {
    out = text;
    return true;
  }
}

// A FlatJson value converted to a column's type; false when the reader is not sure.
template <ColumnType T, class V>
[[gnu::always_inline]] inline bool flat_to(FlatJson& json, V& out) {
  if constexpr (T.id == ColumnType::Boolean) return json.to_bool(out);
  if constexpr (T.id == ColumnType::Int) return json.to_int32(out);
  if constexpr (T.id == ColumnType::BigInt) return json.to_int64(out);
  if constexpr (T.id == ColumnType::Double) return json.to_double(out);
  if constexpr (T.id == ColumnType::Decimal) return json.to_decimal(T.precision, T.scale, out);
  if constexpr (T.id == ColumnType::Timestamp) return json.to_timestamp(out);
  if constexpr (T.id == ColumnType::Date) return json.to_date(out);
  if constexpr (T.id == ColumnType::Varchar) return json.to_string(out);
}

// A simdjson value converted to a column's type; strings with escapes are
// unescaped into `strings`.
template <ColumnType T, class V>
[[gnu::always_inline]] inline bool simdjson_to(JsonValue& value, V& out, Arena& strings) {
  if constexpr (T.id == ColumnType::Boolean) return json_to_bool(value, out);
  if constexpr (T.id == ColumnType::Int) return json_to_int32(value, out);
  if constexpr (T.id == ColumnType::BigInt) return json_to_int64(value, out);
  if constexpr (T.id == ColumnType::Double) return json_to_double(value, out);
  if constexpr (T.id == ColumnType::Decimal) return json_to_decimal(value, T.precision, T.scale, out);
  if constexpr (T.id == ColumnType::Timestamp) return json_to_timestamp(value, out);
  if constexpr (T.id == ColumnType::Date) return json_to_date(value, out);
  if constexpr (T.id == ColumnType::Varchar) return json_to_string(value, out, strings);
}

// Column I of a CSV record: NULL when empty and unquoted.
template <class Spec, size_t I, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline bool csv_column(const CsvField& field, Row& r, std::string_view& reason) {
  constexpr const auto& c = std::get<I>(Spec::kColumns);
  if (csv_is_null(field)) return true;
  if (!text_to<c.type>(field.text, r.*c.kField)) {
    reason = ColumnReasons<Spec, I>::kBadValue.view();
    return false;
  }
  null_word<I>(r) &= ~kNullBit<I>;
  return true;
}

// After column I of a JSON object had a value: a value column's says the
// record is not a delete.
template <class Spec, size_t I, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline void json_has_value(Row& r, bool& has_value) {
  constexpr const auto& c = std::get<I>(Spec::kColumns);
  null_word<I>(r) &= ~kNullBit<I>;
  if constexpr (is_value_column<Spec>(c.name)) has_value = true;
}

// Column I when it is the JSON field `key` (else false, nothing read), from
// FlatJson: `ok` becomes false when the reader is not sure of the value.
template <class Spec, size_t I, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline bool flat_column(FlatJson& json, std::string_view key, Row& r, bool& has_value,
                                               bool& ok) {
  constexpr const auto& c = std::get<I>(Spec::kColumns);
  if (key != c.name) return false;
  if (json.null()) return true;
  ok = flat_to<c.type>(json, r.*c.kField);
  if (ok) json_has_value<Spec, I>(r, has_value);
  return true;
}

// The same from simdjson: `ok` becomes false, with the reason, when the value
// does not convert.
template <class Spec, size_t I, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline bool simdjson_column(JsonValue& value, std::string_view key, Row& r,
                                                   std::string_view& reason, Arena& strings, bool& has_value,
                                                   bool& ok) {
  constexpr const auto& c = std::get<I>(Spec::kColumns);
  if (key != c.name) return false;
  if (json_is_null(value)) return true;
  ok = simdjson_to<c.type>(value, r.*c.kField, strings);
  if (ok) {
    json_has_value<Spec, I>(r, has_value);
  } else {
    reason = ColumnReasons<Spec, I>::kBadValue.view();
  }
  return true;
}

// After parsing: a NOT NULL column must have had a value.
template <class Spec, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline bool check_not_null(const Row& r, std::string_view& reason) {
  return [&]<size_t... I>(std::index_sequence<I...>) {
    return ((!std::get<I>(Spec::kColumns).not_null || !(null_word<I>(r) & kNullBit<I>) ||
             (reason = ColumnReasons<Spec, I>::kNoValue.view(), false)) &&
            ...);
  }(std::make_index_sequence<kColumnCount<Spec>>{});
}

}  // namespace detail

// One CSV record into `r`: pos[i] is the field of column i.
template <class Spec, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline bool parse_csv_row(const CsvField* fields, const int* pos, Row& r,
                                                                   std::string_view& reason) {
  detail::reset_row<Spec>(r);
  const bool read = [&]<size_t... I>(std::index_sequence<I...>) {
    return (detail::csv_column<Spec, I>(fields[pos[I]], r, reason) && ...);
  }(std::make_index_sequence<detail::kColumnCount<Spec>>{});
  return read && detail::check_not_null<Spec>(r, reason);
}

// One JSON line into `r` without simdjson, when it is a flat object of plain
// values; false when not sure (then simdjson reads the line and decides).
template <class Spec, class Row>
STREAMC_PER_RECORD bool parse_flat_json_row(std::string_view line, Row& r, bool& has_value) {
  detail::reset_row<Spec>(r);
  has_value = false;
  FlatJson json(line);
  for (std::string_view key; json.next_key(key);) {
    bool ok = true;
    const bool known = [&]<size_t... I>(std::index_sequence<I...>) {
      return (detail::flat_column<Spec, I>(json, key, r, has_value, ok) || ...);
    }(std::make_index_sequence<detail::kColumnCount<Spec>>{});
    if (!ok) return false;
    if (known) continue;
    // A value column the queries do not read still decides whether a row is a delete.
    if (detail::is_value_column<Spec>(key)) {
      if (json.null()) continue;
      has_value = true;
    }
    // Fields nobody reads are checked all the same: the line must be valid JSON.
    if (!json.skip()) return false;
  }
  std::string_view reason;
  return json.ended() && detail::check_not_null<Spec>(r, reason);
}

namespace detail {

// A line FlatJson was not sure of, read by simdjson.
template <class Spec, class Row>
STREAMC_PER_RECORD bool parse_json_row_simdjson(simdjson::ondemand::parser& parser, std::string_view line, Row& r,
                                                std::string_view& reason, Arena& strings, bool& has_value) {
  reset_row<Spec>(r);
  has_value = false;
  simdjson::ondemand::document doc;
  simdjson::ondemand::object object;
  if (json_iterate_line(parser, line, doc) || doc.get_object().get(object)) {
    reason = "the line is not a valid JSON object";
    return false;
  }
  for (auto field : object) {
    std::string_view key;
    if (!json_key(field, key)) {
      reason = "the line is not valid JSON";
      return false;
    }
    // A reference, not a copy: copying a value stalls on the bytes just stored.
    JsonValue& value = field.value_unsafe().value();
    bool ok = true;
    const bool known = [&]<size_t... I>(std::index_sequence<I...>) {
      return (simdjson_column<Spec, I>(value, key, r, reason, strings, has_value, ok) || ...);
    }(std::make_index_sequence<kColumnCount<Spec>>{});
    if (!ok) return false;
    if (!known && is_value_column<Spec>(key) && !json_is_null(value)) has_value = true;
  }
  return check_not_null<Spec>(r, reason);
}

}  // namespace detail

// One JSON line into `r`; a field that is absent is NULL. Strings point into
// the line, or into `strings` when they had escapes. `has_value`: some value
// column is not NULL (a table's record). Inlined, so that a flat line (nearly
// every one) costs no call to the simdjson path and its large frame.
template <class Spec, class Row>
[[gnu::always_inline]] inline bool parse_json_row(simdjson::ondemand::parser& parser, std::string_view line, Row& r,
                                                  std::string_view& reason, Arena& strings, bool& has_value) {
  return parse_flat_json_row<Spec>(line, r, has_value) ||
         detail::parse_json_row_simdjson<Spec>(parser, line, r, reason, strings, has_value);
}

}  // namespace streamc
