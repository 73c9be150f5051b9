// Value -> text into a caller buffer of at least kMaxFormattedLength bytes.
// Writer appends with these; generated code uses them (or the Arena
// variants) for CAST(... AS VARCHAR) and string concatenation.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "streamc/arena.h"
#include "streamc/decimal.h"

namespace streamc {

inline constexpr size_t kMaxFormattedLength = 64;

inline size_t format_int(char* out, int64_t v) {
  return static_cast<size_t>(std::to_chars(out, out + kMaxFormattedLength, v).ptr - out);
}

// Shortest text that reads back as the same double, in DuckDB's (and
// Python's) style: fixed notation with at least one fraction digit for
// 1e-4 <= |v| < 1e16 ("3.0", "0.0001"), scientific otherwise ("1e+16",
// "1.5e-05"); NaN, Infinity, -Infinity.
size_t format_double(char* out, double v);

// Exactly `scale` fraction digits: (-5, 2) -> "-0.05", (1230, 2) -> "12.30".
size_t format_decimal(char* out, int64_t v, int scale);
size_t format_decimal(char* out, i128 v, int scale);

// ISO 8601 UTC with milliseconds: 2025-09-27T09:30:00.000Z. Years outside
// 0..9999 are written with all their digits and a '-' when negative.
size_t format_timestamp(char* out, int64_t ms);

inline std::string_view format_bool(bool v) { return v ? "true" : "false"; }

// The same, into an arena, for string-valued expressions.
inline std::string_view int_to_text(Arena& arena, int64_t v) {
  char* p = arena.alloc(kMaxFormattedLength);
  return {p, format_int(p, v)};
}
inline std::string_view double_to_text(Arena& arena, double v) {
  char* p = arena.alloc(kMaxFormattedLength);
  return {p, format_double(p, v)};
}
template <DecimalInt T>
inline std::string_view decimal_to_text(Arena& arena, T v, int scale) {
  char* p = arena.alloc(kMaxFormattedLength);
  return {p, format_decimal(p, v, scale)};
}
inline std::string_view timestamp_to_text(Arena& arena, int64_t ms) {
  char* p = arena.alloc(kMaxFormattedLength);
  return {p, format_timestamp(p, ms)};
}

}  // namespace streamc
