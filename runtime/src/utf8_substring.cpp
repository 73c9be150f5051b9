// SUBSTRING over code points with DuckDB's semantics (its general path; the
// ASCII fast path clamps differently for windows reaching past either end).
// The arguments select a window of positions that is then clipped to the
// string: start is 1-based, 0 is the position before the first character,
// a negative start counts from the end, a negative length extends the window
// backwards from start.
#include <cstdint>

#include "streamc/decimal.h"
#include "streamc/text.h"

namespace streamc {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset after skipping `count` code points from byte `from`.
size_t advance_code_points(std::string_view s, size_t from, int64_t count) {
  size_t i = from;
  while (count > 0 && i < s.size()) {
    ++i;
    while (i < s.size() && is_continuation(s[i])) ++i;
    --count;
  }
  return i;
}

// The window [first, first + length) (or [first + length, first) for a
// negative length) of 0-based positions, clipped to s. 128-bit positions
// cannot overflow for any int64_t arguments.
std::string_view clipped_window(std::string_view s, int64_t start, i128 length) {
  const i128 n = utf8_length(s);
  const i128 first = start > 0 ? i128(start) - 1 : (start < 0 ? n + start : i128(-1));
  i128 lo = length > 0 ? first : first + length;
  i128 hi = length > 0 ? first + length : first;
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (lo >= hi) return {};
  const size_t b = advance_code_points(s, 0, static_cast<int64_t>(lo));
  return s.substr(b, advance_code_points(s, b, static_cast<int64_t>(hi - lo)) - b);
}

}  // namespace

std::string_view utf8_substring(std::string_view s, int64_t start, int64_t length) {
  if (length == 0) return {};
  if (start > 0 && length > 0) {  // the common case needs no length count
    const size_t b = advance_code_points(s, 0, start - 1);
    return s.substr(b, advance_code_points(s, b, length) - b);
  }
  return clipped_window(s, start, length);
}

std::string_view utf8_substring(std::string_view s, int64_t start) {
  if (start > 0) return s.substr(advance_code_points(s, 0, start - 1));
  return clipped_window(s, start, i128(1) << 100);  // to the end
}

}  // namespace streamc
