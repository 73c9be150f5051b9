// DECIMAL(p,s) values are scaled integers: int64_t for p <= 18, i128 for
// p <= 38. The scale is a compile-time fact of the generated code, so it is
// passed in rather than stored. Every operation that can overflow is checked
// and returns false instead of producing a wrong number.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace streamc {

using i128 = __int128;
using u128 = unsigned __int128;

template <class T>
concept DecimalInt = std::is_same_v<T, int64_t> || std::is_same_v<T, i128>;

// Digits a representation holds for every value: 18 for int64_t, 38 for i128.
template <DecimalInt T>
inline constexpr int kMaxDecimalDigits = std::is_same_v<T, int64_t> ? 18 : 38;

namespace detail {

template <DecimalInt T>
using DecUnsigned = std::conditional_t<std::is_same_v<T, int64_t>, uint64_t, u128>;

// Largest power of ten the unsigned type holds: 10^19 and 10^38.
template <DecimalInt T>
inline constexpr int kMaxUnsignedPow10 = std::is_same_v<T, int64_t> ? 19 : 38;

struct Pow10Table {
  u128 value[39];
  constexpr Pow10Table() : value() {
    value[0] = 1;
    for (int i = 1; i < 39; ++i) value[i] = value[i - 1] * 10;
  }
};
inline constexpr Pow10Table kPow10;

// Each literal is the correctly rounded double of 10^i.
inline constexpr double kPow10Double[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11, 1e12,
    1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25,
    1e26, 1e27, 1e28, 1e29, 1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38};

template <DecimalInt T>
inline DecUnsigned<T> magnitude(T v) {
  using U = DecUnsigned<T>;
  return v < 0 ? U(0) - U(v) : U(v);
}

// |v| / 10^k rounded half away from zero, sign restored; k >= 0.
template <DecimalInt T>
inline T scale_down(T v, int k) {
  using U = DecUnsigned<T>;
  if (k == 0) return v;
  if (k > kMaxUnsignedPow10<T>) return 0;  // |v| < 10^k / 2
  const U d = static_cast<U>(kPow10.value[k]);
  const U m = magnitude(v);
  U q = m / d;
  const U r = m % d;
  if (r >= d - r) ++q;
  return v < 0 ? -static_cast<T>(q) : static_cast<T>(q);
}

}  // namespace detail

// 10^n for 0 <= n <= kMaxDecimalDigits<T>.
template <DecimalInt T>
inline T dec_pow10(int n) {
  return static_cast<T>(detail::kPow10.value[n]);
}

// True when |v| < 10^precision, i.e. v is a valid DECIMAL(precision, s).
template <DecimalInt T>
inline bool dec_fits(T v, int precision) {
  if (precision <= 0) return v == 0;
  if (precision > kMaxDecimalDigits<T>) return true;
  const T limit = dec_pow10<T>(precision);
  return v < limit && v > -limit;
}

template <DecimalInt T>
inline bool dec_add(T a, T b, T& out) {
  return !__builtin_add_overflow(a, b, &out);
}

template <DecimalInt T>
inline bool dec_sub(T a, T b, T& out) {
  return !__builtin_sub_overflow(a, b, &out);
}

// The product has scale sa + sb; the caller knows both.
template <DecimalInt T>
inline bool dec_mul(T a, T b, T& out) {
  return !__builtin_mul_overflow(a, b, &out);
}

template <DecimalInt T>
inline bool dec_neg(T v, T& out) {
  return !__builtin_sub_overflow(T(0), v, &out);
}

template <DecimalInt T>
inline bool dec_abs(T v, T& out) {
  if (v >= 0) {
    out = v;
    return true;
  }
  return dec_neg(v, out);
}

// Remainder with the sign of a (SQL %); both at the same scale. False for
// b == 0.
template <DecimalInt T>
inline bool dec_mod(T a, T b, T& out) {
  if (b == 0) return false;
  if (b == -1) {  // a % -1 is 0, but the division behind it can trap
    out = 0;
    return true;
  }
  out = a % b;
  return true;
}

// Changes the scale: exact when it grows (false on overflow), rounded half
// away from zero when it shrinks.
template <DecimalInt T>
inline bool dec_rescale(T v, int from_scale, int to_scale, T& out) {
  if (to_scale >= from_scale) {
    const int k = to_scale - from_scale;
    if (k > kMaxDecimalDigits<T>) {
      out = 0;
      return v == 0;
    }
    return !__builtin_mul_overflow(v, dec_pow10<T>(k), &out);
  }
  out = detail::scale_down(v, from_scale - to_scale);
  return true;
}

// Rounds half away from zero to `digits` fraction digits (negative digits
// round left of the point); the result keeps `scale`. v must fit its type's
// maximum precision, which guarantees the rounded value cannot overflow
// (it may need one more digit of precision: 9.95 -> 10.0).
template <DecimalInt T>
inline T dec_round(T v, int scale, int digits) {
  const int drop = scale - digits;
  if (drop <= 0) return v;
  if (drop > kMaxDecimalDigits<T>) return 0;
  return detail::scale_down(v, drop) * dec_pow10<T>(drop);
}

// Largest integer <= v, keeping scale (0 <= scale <= kMaxDecimalDigits<T>).
template <DecimalInt T>
inline T dec_floor(T v, int scale) {
  if (scale == 0) return v;
  const T p = dec_pow10<T>(scale);
  T q = v / p;
  if (v < 0 && v % p != 0) --q;
  return q * p;
}

// Smallest integer >= v, keeping scale.
template <DecimalInt T>
inline T dec_ceil(T v, int scale) {
  if (scale == 0) return v;
  const T p = dec_pow10<T>(scale);
  T q = v / p;
  if (v > 0 && v % p != 0) ++q;
  return q * p;
}

// Exact three-way comparison of a/10^sa and b/10^sb: -1, 0 or 1.
template <DecimalInt A, DecimalInt B>
inline int dec_compare(A a, int sa, B b, int sb) {
  i128 x = a;
  i128 y = b;
  // Scaling up can only overflow a non-zero value whose magnitude then
  // exceeds anything the other side can hold, so its sign decides.
  if (sa < sb && !dec_rescale<i128>(x, sa, sb, x)) return a > 0 ? 1 : -1;
  if (sb < sa && !dec_rescale<i128>(y, sb, sa, y)) return b > 0 ? -1 : 1;
  return (x > y) - (x < y);
}

// a/10^a_scale divided by b/10^b_scale, as a value of result_scale rounded
// half away from zero. Exact (no intermediate overflow short of the result
// itself overflowing T). The caller rejects b == 0 before calling; this
// returns false for it as a safety net.
bool dec_div(int64_t a, int a_scale, int64_t b, int b_scale, int result_scale, int64_t& out);
bool dec_div(i128 a, int a_scale, i128 b, int b_scale, int result_scale, i128& out);

// Parses text such as "-12.345", "+.5", "7.", "1.5e3" into DECIMAL(precision,
// scale), rounding extra fraction digits half away from zero. False on
// malformed text (no surrounding spaces allowed) or when the value needs more
// than `precision` digits.
namespace detail {
bool parse_decimal_general(std::string_view text, int precision, int scale, int64_t& out);
bool parse_decimal_general(std::string_view text, int precision, int scale, i128& out);
}  // namespace detail

template <DecimalInt T>
inline bool parse_decimal(std::string_view text, int precision, int scale, T& out) {
  // Nearly every value is plain digits with at most `scale` fraction digits
  // and fits 18 digits: one pass, no rounding. Everything else (a sign '+',
  // an exponent, more fraction digits, longer numbers) takes the general path.
  const char* p = text.data();
  const char* end = p + text.size();
  const bool negative = p < end && *p == '-';
  p += negative;
  const char* int_begin = p;
  uint64_t v = 0;
  while (p < end && static_cast<unsigned>(*p - '0') <= 9) v = v * 10 + static_cast<unsigned>(*p++ - '0');
  const auto int_digits = static_cast<int>(p - int_begin);
  int frac_digits = 0;
  if (p < end && *p == '.') {
    const char* frac_begin = ++p;
    while (p < end && static_cast<unsigned>(*p - '0') <= 9) v = v * 10 + static_cast<unsigned>(*p++ - '0');
    frac_digits = static_cast<int>(p - frac_begin);
  }
  if (p != end || int_digits + frac_digits == 0 || int_digits + frac_digits > 18 || frac_digits > scale ||
      int_digits + scale > 18 || precision < 1 || precision > kMaxDecimalDigits<T> || scale > precision) {
    return detail::parse_decimal_general(text, precision, scale, out);
  }
  v *= static_cast<uint64_t>(detail::kPow10.value[scale - frac_digits]);
  if (precision <= 18 && v >= static_cast<uint64_t>(detail::kPow10.value[precision])) return false;
  out = negative ? -static_cast<T>(v) : static_cast<T>(v);
  return true;
}

// Nearest double (one rounding when |v| < 2^53 and scale <= 22).
template <DecimalInt T>
inline double dec_to_double(T v, int scale) {
  return static_cast<double>(v) / detail::kPow10Double[scale];
}

// CAST(double AS DECIMAL(p,s)) the way DuckDB does it: d * 10^s rounded half
// away from zero, so 0.125 -> 0.13 but 0.145 (really 0.14499..) -> 0.14.
// False for NaN, infinities and values that need more than p digits.
bool double_to_dec(double d, int precision, int scale, int64_t& out);
bool double_to_dec(double d, int precision, int scale, i128& out);

// CAST(integer AS DECIMAL(p,s)); false when the value needs more than p digits.
template <DecimalInt T>
inline bool int_to_dec(int64_t v, int precision, int scale, T& out) {
  return dec_rescale<T>(static_cast<T>(v), 0, scale, out) && dec_fits(out, precision);
}

// CAST(decimal AS BIGINT): rounds half away from zero; false when out of range.
template <DecimalInt T>
inline bool dec_to_int64(T v, int scale, int64_t& out) {
  const T r = detail::scale_down(v, scale);
  if constexpr (std::is_same_v<T, i128>) {
    if (r > INT64_MAX || r < INT64_MIN) return false;
  }
  out = static_cast<int64_t>(r);
  return true;
}

}  // namespace streamc
