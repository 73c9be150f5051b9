// Conversions from text and SQL string functions. Parsers return false on bad
// input and never throw; functions that build a new string write it into an
// Arena, functions that only select part of a string return a subview.
#pragma once

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "streamc/arena.h"

namespace streamc {

namespace detail {

// std::from_chars rejects a leading '+'; SQL casts accept it, but not "+-1".
inline bool skip_plus(const char*& first, const char* last) {
  if (first != last && *first == '+') {
    ++first;
    if (first != last && (*first == '-' || *first == '+')) return false;
  }
  return true;
}

template <class Int>
inline bool parse_integer(std::string_view s, Int& out) {
  const char* first = s.data();
  const char* last = first + s.size();
  if (!skip_plus(first, last)) return false;
  const auto [end, ec] = std::from_chars(first, last, out);
  return ec == std::errc() && end == last;
}

bool parse_double_out_of_range(std::string_view s, double& out);

}  // namespace detail

// Optional sign, decimal digits, nothing else (no spaces).
inline bool parse_int32(std::string_view s, int32_t& out) { return detail::parse_integer(s, out); }
inline bool parse_int64(std::string_view s, int64_t& out) { return detail::parse_integer(s, out); }

// Decimal or scientific notation, NaN, Infinity/-Infinity (any case, also
// "inf"). Values beyond the double range become +-Infinity (or 0 when too
// small) as in DuckDB.
inline bool parse_double(std::string_view s, double& out) {
  const char* first = s.data();
  const char* last = first + s.size();
  if (!detail::skip_plus(first, last)) return false;
  const auto [end, ec] = std::from_chars(first, last, out, std::chars_format::general);
  if (ec == std::errc::result_out_of_range && end == last) {
    return detail::parse_double_out_of_range(s, out);
  }
  return ec == std::errc() && end == last;
}

// true/false, t/f, yes/no, y/n (any case), 1/0: DuckDB's set.
bool parse_bool(std::string_view s, bool& out);

// Equal ignoring the case of ASCII letters (names, keywords, property values).
bool ascii_iequals(std::string_view a, std::string_view b);

// ASCII case mapping; other bytes (UTF-8 included) are copied unchanged.
std::string_view ascii_upper(Arena& arena, std::string_view s);
std::string_view ascii_lower(Arena& arena, std::string_view s);

// SQL UPPER / LOWER: every letter with a simple Unicode case mapping
// (é -> É, ж -> Ж), ASCII on a fast path. Output stays in the arena.
std::string_view utf8_upper(Arena& arena, std::string_view s);
std::string_view utf8_lower(Arena& arena, std::string_view s);

std::string_view concat(Arena& arena, std::initializer_list<std::string_view> parts);

// Remove spaces (' ' only, as SQL TRIM does) from both ends, the start or the end.
inline std::string_view trim(std::string_view s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

inline std::string_view ltrim(std::string_view s) {
  const size_t b = s.find_first_not_of(' ');
  return b == std::string_view::npos ? std::string_view() : s.substr(b);
}

inline std::string_view rtrim(std::string_view s) {
  const size_t e = s.find_last_not_of(' ');
  return e == std::string_view::npos ? std::string_view() : s.substr(0, e + 1);
}

// TRIM(... chars FROM s): remove any code point of `chars` (UTF-8) from the ends.
std::string_view trim(std::string_view s, std::string_view chars);
std::string_view ltrim(std::string_view s, std::string_view chars);
std::string_view rtrim(std::string_view s, std::string_view chars);

// Number of code points (continuation bytes are not counted).
inline int64_t utf8_length(std::string_view s) {
  int64_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// SUBSTRING(s, start, length) in code points, as DuckDB computes it: the
// window of positions [start, start + length) clipped to the string, where
// start is 1-based, 0 is the position before the first character, a negative
// start counts from the end and a negative length reaches back from start.
// ('hello', 0, 3) -> 'he', ('hello', -3) -> 'llo', ('hello', 3, -2) -> 'he',
// ('hello', -6, 2) -> 'h'.
std::string_view utf8_substring(std::string_view s, int64_t start, int64_t length);
std::string_view utf8_substring(std::string_view s, int64_t start);

// SQL LIKE: '%' matches any sequence, '_' one UTF-8 code point, `escape`
// (when not '\0') makes the next pattern character literal. A pattern that
// ends with the escape character matches nothing. Case-sensitive; O(|s|*|p|)
// worst case, linear for the usual patterns.
bool like_match(std::string_view s, std::string_view pattern, char escape = '\0');

// ILIKE: like_match with ASCII case folding.
bool ilike_match(std::string_view s, std::string_view pattern, char escape = '\0');

}  // namespace streamc
