// Values to text: doubles, decimals and timestamps as the sinks write them.
#include "streamc/format.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "streamc/timestamp.h"

namespace streamc {
namespace {

// Digits of m (no sign) into out; returns the count. 128-bit values are cut
// into 19-digit chunks so most of the work is 64-bit division.
size_t unsigned_digits(char* out, u128 m) {
  constexpr uint64_t kChunk = 10000000000000000000ULL;  // 10^19
  char tmp[40];
  char* end = tmp + sizeof(tmp);
  char* p = end;
  while (m > UINT64_MAX) {
    uint64_t low = static_cast<uint64_t>(m % kChunk);
    m /= kChunk;
    for (int i = 0; i < 19; ++i, low /= 10) *--p = static_cast<char>('0' + low % 10);
  }
  for (uint64_t v = static_cast<uint64_t>(m);; v /= 10) {
    *--p = static_cast<char>('0' + v % 10);
    if (v < 10) break;
  }
  const size_t n = static_cast<size_t>(end - p);
  std::memcpy(out, p, n);
  return n;
}

// Short copies are byte loops: a call to memcpy costs more than the copy.
char* copy_short(char* w, const char* from, size_t n) {
  for (size_t i = 0; i < n; ++i) w[i] = from[i];
  return w + n;
}

size_t decimal_text(char* out, bool negative, u128 m, int scale) {
  char digits[40];
  // Nearly every value fits 64 bits: to_chars writes two digits at a time.
  const size_t n = m <= UINT64_MAX
                       ? static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, static_cast<uint64_t>(m)).ptr - digits)
                       : unsigned_digits(digits, m);
  char* w = out;
  if (negative && m != 0) *w++ = '-';
  const size_t s = static_cast<size_t>(scale);
  if (s == 0) return static_cast<size_t>(copy_short(w, digits, n) - out);
  if (n <= s) {  // 0.000ddd
    *w++ = '0';
    *w++ = '.';
    for (size_t i = n; i < s; ++i) *w++ = '0';
    return static_cast<size_t>(copy_short(w, digits, n) - out);
  }
  w = copy_short(w, digits, n - s);
  *w++ = '.';
  return static_cast<size_t>(copy_short(w, digits + n - s, s) - out);
}

char* two_digits(char* w, int v) {
  *w++ = static_cast<char>('0' + v / 10);
  *w++ = static_cast<char>('0' + v % 10);
  return w;
}

}  // namespace

size_t format_double(char* out, double v) {
  if (std::isnan(v)) return std::strlen(std::strcpy(out, "NaN"));
  if (std::isinf(v)) return std::strlen(std::strcpy(out, v < 0 ? "-Infinity" : "Infinity"));
  char* end = out + kMaxFormattedLength;
  const double a = std::fabs(v);
  if (a == 0 || (a >= 1e-4 && a < 1e16)) {
    char* p = std::to_chars(out, end, v, std::chars_format::fixed).ptr;
    if (std::memchr(out, '.', static_cast<size_t>(p - out)) == nullptr) {
      *p++ = '.';
      *p++ = '0';
    }
    return static_cast<size_t>(p - out);
  }
  return static_cast<size_t>(std::to_chars(out, end, v, std::chars_format::scientific).ptr - out);
}

size_t format_decimal(char* out, int64_t v, int scale) {
  return decimal_text(out, v < 0, detail::magnitude(v), scale);
}

size_t format_decimal(char* out, i128 v, int scale) {
  return decimal_text(out, v < 0, detail::magnitude(v), scale);
}

size_t format_timestamp(char* out, int64_t ms) {
  const CivilTime t = civil_from_ms(ms);
  char* w = out;
  int64_t year = t.year;
  if (year < 0) {
    *w++ = '-';
    year = -year;
  }
  if (year < 10000) {
    w = two_digits(w, static_cast<int>(year / 100));
    w = two_digits(w, static_cast<int>(year % 100));
  } else {
    w = std::to_chars(w, out + kMaxFormattedLength, year).ptr;
  }
  *w++ = '-';
  w = two_digits(w, t.month);
  *w++ = '-';
  w = two_digits(w, t.day);
  *w++ = 'T';
  w = two_digits(w, t.hour);
  *w++ = ':';
  w = two_digits(w, t.minute);
  *w++ = ':';
  w = two_digits(w, t.second);
  *w++ = '.';
  *w++ = static_cast<char>('0' + t.millisecond / 100);
  w = two_digits(w, t.millisecond % 100);
  *w++ = 'Z';
  return static_cast<size_t>(w - out);
}

}  // namespace streamc
