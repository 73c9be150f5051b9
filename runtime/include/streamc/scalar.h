// Checked scalar operations that generated expressions call: integer
// arithmetic and absolute value, conversions between numeric types, rounding,
// and DATE text. Each returns false instead of overflowing or wrapping.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

#include "streamc/arena.h"
#include "streamc/decimal.h"

namespace streamc {

// Integer +, -, * and negation: false when the exact result does not fit `out`.
template <class A, class B, class T>
inline bool checked_add(A a, B b, T& out) {
  return !__builtin_add_overflow(a, b, &out);
}
template <class A, class B, class T>
inline bool checked_sub(A a, B b, T& out) {
  return !__builtin_sub_overflow(a, b, &out);
}
template <class A, class B, class T>
inline bool checked_mul(A a, B b, T& out) {
  return !__builtin_mul_overflow(a, b, &out);
}
template <class A, class T>
inline bool checked_neg(A a, T& out) {
  return !__builtin_sub_overflow(T(0), a, &out);
}

template <class T>
inline bool checked_div(T a, T b, T& out) {
  if (b == -1 && a == std::numeric_limits<T>::min()) return false;
  out = a / b;
  return true;
}

template <class T>
inline bool checked_mod(T a, T b, T& out) {
  out = b == -1 ? 0 : a % b;  // MIN % -1 traps on x86
  return true;
}

template <class T>
inline bool checked_abs(T a, T& out) {
  if (a == std::numeric_limits<T>::min()) return false;
  out = a < 0 ? -a : a;
  return true;
}

inline bool narrow(int64_t v, int32_t& out) {
  if (v < INT32_MIN || v > INT32_MAX) return false;
  out = static_cast<int32_t>(v);
  return true;
}
inline bool narrow(int64_t v, int64_t& out) {
  out = v;
  return true;
}

// SQL CAST of a DOUBLE to an integer: rounds half to even, as DuckDB does
// (2.5 -> 2, 3.5 -> 4); DECIMAL to integer rounds half away from zero.
template <class I>
inline bool double_to_int(double d, I& out) {
  if (!std::isfinite(d)) return false;
  double r = std::nearbyint(d);  // the default rounding mode: to nearest, ties to even
  if (r < static_cast<double>(std::numeric_limits<I>::min()) ||
      r >= -static_cast<double>(std::numeric_limits<I>::min())) {
    return false;
  }
  out = static_cast<I>(r);
  return true;
}

template <DecimalInt T, class I>
inline bool decimal_to_int(T v, int scale, I& out) {
  int64_t wide = 0;
  return dec_to_int64(v, scale, wide) && narrow(wide, out);
}

// DECIMAL(p1,s1) to DECIMAL(p,s), between 64- and 128-bit storage.
template <DecimalInt From, DecimalInt To>
inline bool dec_cast(From v, int from_scale, int precision, int scale, To& out) {
  i128 wide = 0;
  if (!dec_rescale<i128>(v, from_scale, scale, wide) || !dec_fits<i128>(wide, precision)) return false;
  out = static_cast<To>(wide);
  return true;
}

// ROUND(DECIMAL(p,s), n) as DECIMAL(p, n) for 0 <= n <= s.
template <DecimalInt T>
inline T dec_round_to_scale(T v, int scale, int new_scale) {
  T rounded = dec_round(v, scale, new_scale);
  return rounded / dec_pow10<T>(scale - new_scale);
}

template <DecimalInt T>
inline T dec_floor_to_integer(T v, int scale) {
  return dec_floor(v, scale) / dec_pow10<T>(scale);
}

template <DecimalInt T>
inline T dec_ceil_to_integer(T v, int scale) {
  return dec_ceil(v, scale) / dec_pow10<T>(scale);
}

// ROUND(DOUBLE, n): half away from zero, like DuckDB.
double round_double(double v, int64_t digits);

// DATE is days since 1970-01-01.
bool parse_date(std::string_view text, int32_t& days);
std::string_view date_to_text(Arena& arena, int32_t days);
size_t format_date(char* out, int32_t days);

}  // namespace streamc
