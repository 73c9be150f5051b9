// Typed reads of simdjson On-Demand values for generated JSON parsers. Each
// returns false on a type mismatch or a bad value; the caller then applies
// the source's on.error policy. Call json_is_null first for nullable columns.
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "streamc/arena.h"
#include "streamc/decimal.h"
#include "streamc/text.h"
#include "streamc/input_buffer.h"
#include "streamc/timestamp.h"

namespace streamc {

using JsonValue = simdjson::ondemand::value;

namespace detail {

// A value's token runs up to the next structural character: the spaces
// before it are cut.
inline std::string_view without_trailing_space(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                            token.back() == '\r')) {
    token.remove_suffix(1);
  }
  return token;
}

inline bool json_type(JsonValue& v, simdjson::ondemand::json_type& type) {
  return v.type().get(type) == simdjson::SUCCESS;
}

inline bool json_number_start(char c) { return c == '-' || (c >= '0' && c <= '9'); }

// Reads -?(0|[1-9][0-9]*) of at most 18 digits (no overflow possible) from
// p; returns where the digits end, or nullptr when there is no such integer.
// What follows is the caller's to judge.
inline const char* json_short_integer(const char* p, const char* end, int64_t& out) {
  const bool negative = p < end && *p == '-';
  p += negative;
  const char* digits = p;
  int64_t v = 0;
  while (p < end && static_cast<unsigned>(*p - '0') <= 9) v = v * 10 + (*p++ - '0');
  const auto n = static_cast<size_t>(p - digits);
  if (n == 0 || n > 18 || (n > 1 && *digits == '0')) return nullptr;
  out = negative ? -v : v;
  return p;
}

}  // namespace detail

// Starts On-Demand parsing of a line from FileReader in place (its padding
// makes that legal). simdjson would grow the parser to exactly each new
// longest line, allocating again and again on slowly growing input; growing
// geometrically here keeps the steady state allocation-free. Returns
// simdjson::SUCCESS (0) or the error; simdjson::error_message(err) names it.
inline simdjson::error_code json_iterate_line(simdjson::ondemand::parser& parser,
                                              std::string_view line,
                                              simdjson::ondemand::document& doc) {
  if (line.size() > parser.capacity()) {
    const size_t capacity = std::max<size_t>({line.size(), 2 * parser.capacity(), 4096});
    if (const simdjson::error_code err = parser.allocate(capacity)) return err;
  }
  return parser.iterate(line.data(), line.size(), line.size() + InputBuffer::kPadding).get(doc);
}

// Consumes the value when it is null.
inline bool json_is_null(JsonValue& v) {
  bool is_null = false;
  return v.is_null().get(is_null) == simdjson::SUCCESS && is_null;
}

// Integral JSON numbers only (1.0 and 1e3 are rejected, as is overflow); a
// string holding one ("42") is accepted too, as for decimals.
inline bool json_to_int64(JsonValue& v, int64_t& out) {
  // A short integer is read from its token; simdjson reads or rejects the rest.
  const std::string_view token = detail::without_trailing_space(v.raw_json_token());
  const char* token_end = token.data() + token.size();
  const char* read = detail::json_short_integer(token.data(), token_end, out);
  if (read != nullptr && read == token_end) return true;
  if (v.get_int64().get(out) == simdjson::SUCCESS) return true;
  std::string_view text;
  return v.get_string().get(text) == simdjson::SUCCESS && parse_int64(text, out);
}

inline bool json_to_int32(JsonValue& v, int32_t& out) {
  int64_t wide = 0;
  if (!json_to_int64(v, wide) || wide < INT32_MIN || wide > INT32_MAX) return false;
  out = static_cast<int32_t>(wide);
  return true;
}

// Any JSON number.
inline bool json_to_double(JsonValue& v, double& out) {
  if (v.get_double().get(out) == simdjson::SUCCESS) return true;
  // "NaN", "Infinity" (how streamc writes them) and numbers in strings.
  std::string_view text;
  return v.get_string().get(text) == simdjson::SUCCESS && parse_double(text, out);
}

inline bool json_to_bool(JsonValue& v, bool& out) {
  return v.get_bool().get(out) == simdjson::SUCCESS;
}

// Strings only. The unescaped text lives in the parser's string buffer:
// valid until the parser parses the next document.
inline bool json_to_string(JsonValue& v, std::string_view& out) {
  return v.get_string().get(out) == simdjson::SUCCESS;
}

// A string column: a view of the input itself when the string has no escape
// (nearly always: nothing is copied), otherwise unescaped and copied into
// `keep`, so the value outlives the parser's next document either way.
inline bool json_to_string(JsonValue& v, std::string_view& out, Arena& keep) {
  const std::string_view token = v.raw_json_token();  // "..." and the spaces after it
  if (token.empty() || token.front() != '"') return false;
  size_t end = token.size();
  while (end > 1 && token[end - 1] != '"') --end;
  if (end < 2) return false;
  const std::string_view body = token.substr(1, end - 2);
  if (body.find('\\') == std::string_view::npos) {
    out = body;
    return true;
  }
  std::string_view unescaped;
  if (v.get_string().get(unescaped) != simdjson::SUCCESS) return false;
  out = keep.copy(unescaped);
  return true;
}

// An object field's key as written when it has no escape (nearly always: no
// copy and no unescaping), otherwise unescaped into the parser's buffer.
inline bool json_key(simdjson::simdjson_result<simdjson::ondemand::field>& field, std::string_view& key) {
  if (field.error() != simdjson::SUCCESS) return false;
  const char* begin = field.value_unsafe().key().raw();
  const char* p = begin;
  while (*p != '"') {
    if (*p == '\\') return field.unescaped_key().get(key) == simdjson::SUCCESS;
    ++p;
  }
  key = std::string_view(begin, static_cast<size_t>(p - begin));
  return true;
}

// A number (its exact text, so 0.1 stays 0.1) or a string holding one.
// The value's type is told by its first byte, as simdjson tells it.
template <DecimalInt T>
inline bool json_to_decimal(JsonValue& v, int precision, int scale, T& out) {
  // A number's text as written: never rounded through a double.
  std::string_view text = v.raw_json_token();
  if (text.empty()) return false;
  if (detail::json_number_start(text.front())) {
    text = detail::without_trailing_space(text);
  } else if (text.front() != '"' || !json_to_string(v, text)) {
    return false;
  }
  return parse_decimal(text, precision, scale, out);
}

// An ISO string (see parse_timestamp) or an integer of epoch milliseconds.
inline bool json_to_timestamp(JsonValue& v, int64_t& ms) {
  simdjson::ondemand::json_type type;
  if (!detail::json_type(v, type)) return false;
  if (type == simdjson::ondemand::json_type::number) return json_to_int64(v, ms);
  std::string_view text;
  return type == simdjson::ondemand::json_type::string && json_to_string(v, text) &&
         parse_timestamp(text, ms);
}

}  // namespace streamc
