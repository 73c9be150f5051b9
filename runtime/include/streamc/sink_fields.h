// One column of an output record, in its sink's format, as a generated
// pipeline writes each: the JSON key (with the comma before it) or the CSV
// separator, then the value, or NULL (JSON null, an empty CSV field).
// Inlined with the column's type as a template argument: the same code the
// pipeline would spell out itself.
#pragma once

#include <string_view>

#include "streamc/column_type.h"
#include "streamc/output.h"
#include "streamc/per_record.h"
#include "streamc/scalar.h"

namespace streamc {
namespace detail {

template <ColumnType T, bool kJson, class V>
[[gnu::always_inline]] inline void write_value(Writer& out, const V& v) {
  if constexpr (T.id == ColumnType::Boolean) {
    out.append_bool(v);
  } else if constexpr (T.id == ColumnType::Int || T.id == ColumnType::BigInt || T.id == ColumnType::Interval) {
    out.append_int(v);
  } else if constexpr (T.id == ColumnType::Double) {
    if constexpr (kJson) {
      out.append_json_double(v);
    } else {
      out.append_double(v);
    }
  } else if constexpr (T.id == ColumnType::Decimal) {
    out.append_decimal(v, T.scale);
  } else if constexpr (T.id == ColumnType::Varchar) {
    if constexpr (kJson) {
      out.append_json_string(v);
    } else {
      out.append_csv_field(v);
    }
  } else if constexpr (T.id == ColumnType::Timestamp || T.id == ColumnType::Date) {
    // JSON has no time type: a string.
    if constexpr (kJson) out.append_char('"');
    if constexpr (T.id == ColumnType::Timestamp) {
      out.append_timestamp(v);
    } else {
      char text[32];
      out.append(std::string_view(text, format_date(text, v)));
    }
    if constexpr (kJson) out.append_char('"');
  }
  // ColumnType::Null: the value is always NULL.
}

}  // namespace detail

// `key`: `{"name":` for the first column, `,"name":` for the others.
template <ColumnType T, class V>
STREAMC_PER_RECORD [[gnu::always_inline]] inline void json_field(Writer& out, std::string_view key, bool null,
                                                                 const V& v) {
  out.append(key);
  if (null) {
    out.append(std::string_view("null"));
  } else {
    detail::write_value<T, true>(out, v);
  }
}

// `first`: no separator before the column.
template <ColumnType T, class V>
STREAMC_PER_RECORD [[gnu::always_inline]] inline void csv_field(Writer& out, bool first, bool null, const V& v) {
  if (!first) out.append_char(',');
  if (!null) detail::write_value<T, false>(out, v);
}

}  // namespace streamc
