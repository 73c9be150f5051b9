// A source's schema discovered from its file: a CSV header and sampled values, JSON-lines keys and
// values.
#include "sema/schema_discovery.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "streamc/input.h"
#include "streamc/timestamp.h"
#include "util/strings.h"

namespace streamc {
namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int find_or_add(std::vector<Column>& columns, std::vector<TypeGuess>& guesses, std::string_view name) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<int>(i);
  }
  columns.push_back({std::string(name), SqlType::varchar(), true, false});
  guesses.emplace_back();
  return static_cast<int>(columns.size() - 1);
}

bool discover_csv(const std::string& path, std::vector<Column>& columns, std::string& error, char delimiter) {
  CsvReader reader;
  if (!reader.open(path, error, delimiter)) return false;
  std::vector<CsvField> fields;
  if (reader.next(fields) != CsvStatus::Record) {
    error = "the file is empty; a CSV source needs a header line";
    return false;
  }
  std::vector<TypeGuess> guesses(fields.size());
  for (const auto& f : fields) columns.push_back({std::string(f.text), SqlType::varchar(), true, false});
  for (int n = 0; n < kSampleRecords; ++n) {
    CsvStatus status = reader.next(fields);
    if (status == CsvStatus::End) break;
    if (status == CsvStatus::Malformed) continue;
    for (size_t i = 0; i < fields.size() && i < guesses.size(); ++i) {
      if (csv_is_null(fields[i])) guesses[i].observe_null();
      else guesses[i].observe_text(fields[i].text);
    }
  }
  for (size_t i = 0; i < columns.size(); ++i) columns[i].type = guesses[i].type();
  return true;
}

bool discover_json(const std::string& path, std::vector<Column>& columns, std::string& error) {
  FileReader reader;
  if (!reader.open(path, error)) return false;
  simdjson::ondemand::parser parser;
  std::vector<TypeGuess> guesses;
  std::string_view line;
  int records = 0;
  while (records < kSampleRecords && reader.next_line(line)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    simdjson::ondemand::document doc;
    if (parser.iterate(line.data(), line.size(), line.size() + FileReader::kPadding).get(doc)) continue;
    simdjson::ondemand::object object;
    if (doc.get_object().get(object)) continue;
    bool ok = true;
    for (auto field : object) {
      std::string_view key;
      simdjson::ondemand::value value;
      if (field.unescaped_key().get(key) || field.value().get(value)) { ok = false; break; }
      TypeGuess& g = guesses[find_or_add(columns, guesses, key)];
      simdjson::ondemand::json_type type;
      if (value.type().get(type)) { ok = false; break; }
      switch (type) {
        case simdjson::ondemand::json_type::null: g.observe_null(); break;
        case simdjson::ondemand::json_type::boolean: g.observe_bool(); break;
        case simdjson::ondemand::json_type::number: g.observe_text(value.raw_json_token()); break;
        case simdjson::ondemand::json_type::string: {
          std::string_view s;
          if (value.get_string().get(s)) { ok = false; break; }
          g.observe_string(s);
          break;
        }
        default: g.observe_other(); break;
      }
      if (!ok) break;
    }
    if (ok) ++records;
  }
  if (columns.empty()) {
    error = "no JSON object found in the first lines of the file";
    return false;
  }
  for (size_t i = 0; i < columns.size(); ++i) columns[i].type = guesses[i].type();
  return true;
}

}  // namespace

void TypeGuess::observe_text(std::string_view raw) {
  std::string_view s = raw;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (iequals(s, "true") || iequals(s, "false")) { seen_bool_ = true; return; }
  std::string_view digits = s;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  size_t dot = digits.find('.');
  // A leading zero (zip codes, account numbers: 02134, 007) would be lost by
  // a number: such a column is text, as in DuckDB's CSV sniffer.
  size_t integral_end = dot == std::string_view::npos ? digits.size() : dot;
  if (integral_end > 1 && digits[0] == '0') {
    observe_string(raw);
    return;
  }
  if (is_digits(digits) && digits.size() <= 18) {
    seen_int_ = true;
    integral_digits_ = std::max<int>(integral_digits_, static_cast<int>(digits.size()));
    return;
  }
  if (dot != std::string_view::npos && is_digits(digits.substr(0, dot)) &&
      (dot + 1 == digits.size() || is_digits(digits.substr(dot + 1)))) {
    int integral = static_cast<int>(dot), scale = static_cast<int>(digits.size() - dot - 1);
    if (integral + std::max(scale, scale_) <= 38 && scale <= 18) {
      seen_decimal_ = true;
      integral_digits_ = std::max(integral_digits_, integral);
      scale_ = std::max(scale_, scale);
      return;
    }
  }
  double d;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) { seen_double_ = true; return; }
  observe_string(raw);
}

void TypeGuess::observe_string(std::string_view s) {
  if (looks_like_timestamp(s)) seen_timestamp_ = true;
  else seen_string_ = true;
}

SqlType TypeGuess::type() const {
  bool numeric = seen_int_ || seen_decimal_ || seen_double_;
  if (seen_string_ || (numeric && (seen_bool_ || seen_timestamp_)) || (seen_bool_ && seen_timestamp_)) {
    return SqlType::varchar();
  }
  if (seen_timestamp_) return SqlType::timestamp();
  if (seen_bool_) return SqlType::boolean();
  if (seen_double_) return SqlType::float64();
  if (seen_decimal_) {
    int scale = std::max(scale_, 1);
    int precision = integral_digits_ + scale <= 18 ? 18 : 38;
    return SqlType::decimal(precision, scale);
  }
  if (seen_int_) return SqlType::bigint();
  return SqlType::varchar();  // only NULLs seen
}

bool discover_schema(const std::string& path, Format format, std::vector<Column>& columns, std::string& error,
                     char delimiter) {
  columns.clear();
  return format == Format::Csv ? discover_csv(path, columns, error, delimiter) : discover_json(path, columns, error);
}

}  // namespace streamc
