// Text -> scaled integer, digit by digit, never through a double.
#include <cstdint>
#include <string_view>

#include "streamc/decimal.h"

namespace streamc {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The pieces of a decimal literal: sign, digits (integer and fraction
// concatenated), and the power of ten the digits are scaled by.
struct DecimalText {
  bool negative = false;
  std::string_view digits_int;
  std::string_view digits_frac;
  int64_t exponent = 0;
};

bool split_decimal(std::string_view s, DecimalText& out) {
  size_t i = 0;
  const size_t n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) out.negative = s[i++] == '-';
  size_t start = i;
  while (i < n && is_digit(s[i])) ++i;
  out.digits_int = s.substr(start, i - start);
  if (i < n && s[i] == '.') {
    start = ++i;
    while (i < n && is_digit(s[i])) ++i;
    out.digits_frac = s.substr(start, i - start);
  }
  if (out.digits_int.empty() && out.digits_frac.empty()) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
    if (i == n || !is_digit(s[i])) return false;
    int64_t e = 0;
    for (; i < n && is_digit(s[i]); ++i) {
      // Saturate: any exponent this large overflows or rounds to zero anyway.
      if (e < 1000000) e = e * 10 + (s[i] - '0');
    }
    out.exponent = exp_negative ? -e : e;
  }
  return i == n;
}

// Digit i of the concatenated integer and fraction digits.
char digit_at(const DecimalText& t, int64_t i) {
  const int64_t ni = static_cast<int64_t>(t.digits_int.size());
  return i < ni ? t.digits_int[i] : t.digits_frac[i - ni];
}

template <DecimalInt T>
bool parse_decimal_impl(std::string_view text, int precision, int scale, T& out) {
  using U = detail::DecUnsigned<T>;
  if (precision < 1 || precision > kMaxDecimalDigits<T> || scale < 0 || scale > precision) {
    return false;
  }
  DecimalText t;
  if (!split_decimal(text, t)) return false;

  // value * 10^scale = digits * 10^shift; digits past `keep` are dropped.
  const int64_t total = static_cast<int64_t>(t.digits_int.size() + t.digits_frac.size());
  const int64_t shift =
      t.exponent - static_cast<int64_t>(t.digits_frac.size()) + static_cast<int64_t>(scale);
  const int64_t keep = shift >= 0 ? total : total + shift;

  U value = 0;
  int significant = 0;
  for (int64_t i = 0; i < keep; ++i) {
    const int d = digit_at(t, i) - '0';
    if (value == 0 && d == 0) continue;  // leading zeros cost no precision
    if (++significant > precision) return false;
    value = value * 10 + static_cast<U>(d);
  }
  if (shift > 0 && value != 0) {
    if (significant + shift > precision) return false;
    value *= static_cast<U>(detail::kPow10.value[shift]);
  }
  // Half away from zero needs only the first dropped digit.
  if (keep < total && keep >= 0 && digit_at(t, keep) >= '5') ++value;
  if (value >= static_cast<U>(detail::kPow10.value[precision])) return false;
  out = t.negative ? -static_cast<T>(value) : static_cast<T>(value);
  return true;
}

}  // namespace

bool detail::parse_decimal_general(std::string_view text, int precision, int scale, int64_t& out) {
  return parse_decimal_impl(text, precision, scale, out);
}

bool detail::parse_decimal_general(std::string_view text, int precision, int scale, i128& out) {
  return parse_decimal_impl(text, precision, scale, out);
}

}  // namespace streamc
