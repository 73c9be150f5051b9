// name: runtime decimal randomized
// description: dec_div, dec_rescale and parse_decimal against independent
// reference computations on random operands
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "streamc/decimal.h"
#include "streamc/format.h"

namespace streamc {
namespace {

// Reference: round(n / d) half away from zero with plain 128-bit arithmetic,
// valid while n fits (the cases below are chosen so).
i128 ref_div_round(i128 n, i128 d) {
  const bool negative = (n < 0) != (d < 0);
  u128 un = n < 0 ? u128(0) - u128(n) : u128(n);
  u128 ud = d < 0 ? u128(0) - u128(d) : u128(d);
  u128 q = un / ud;
  if (2 * (un % ud) >= ud) ++q;
  return negative ? -i128(q) : i128(q);
}

TEST(DecimalRandom, DivMatchesReference) {
  std::mt19937_64 rng(1234);
  for (int i = 0; i < 50000; ++i) {
    const int64_t a = static_cast<int64_t>(rng()) >> (rng() % 63);
    int64_t b = static_cast<int64_t>(rng()) >> (rng() % 63);
    if (b == 0) b = 7;
    const int sa = static_cast<int>(rng() % 10);
    const int sb = static_cast<int>(rng() % 10);
    const int rs = static_cast<int>(rng() % 10);
    const int k = rs - sa + sb;  // -9 .. 19
    i128 expected;
    if (k >= 0) {
      expected = ref_div_round(i128(a) * dec_pow10<i128>(k), b);  // |a| * 10^19 < 2^127
    } else {
      expected = ref_div_round(a, i128(b) * dec_pow10<i128>(-k));
    }
    int64_t got = 0;
    const bool fits = expected >= INT64_MIN + i128(1) && expected <= INT64_MAX;
    ASSERT_EQ(dec_div(a, sa, b, sb, rs, got), fits) << a << "/" << b << " k=" << k;
    if (fits) {
      ASSERT_EQ(got, static_cast<int64_t>(expected)) << a << "/" << b << " k=" << k;
    }
    i128 wide = 0;
    ASSERT_TRUE(dec_div(i128(a), sa, i128(b), sb, rs, wide));
    ASSERT_TRUE(wide == expected) << a << "/" << b << " k=" << k;
  }
}

TEST(DecimalRandom, RescaleDownMatchesReference) {
  std::mt19937_64 rng(99);
  for (int i = 0; i < 50000; ++i) {
    const int64_t v = static_cast<int64_t>(rng()) >> (rng() % 63);
    const int k = static_cast<int>(rng() % 19);
    int64_t got = 0;
    ASSERT_TRUE(dec_rescale<int64_t>(v, k, 0, got));
    ASSERT_EQ(got, static_cast<int64_t>(ref_div_round(v, dec_pow10<i128>(k)))) << v << " " << k;
  }
}

TEST(DecimalRandom, ParseRoundsLikeReference) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 50000; ++i) {
    // A random value with 6 fraction digits, parsed at a smaller scale.
    const int64_t raw = static_cast<int64_t>(rng() % 2000000000000ULL) - 1000000000000LL;
    char buf[kMaxFormattedLength];
    const std::string text(buf, format_decimal(buf, raw, 6));
    const int scale = static_cast<int>(rng() % 7);
    int64_t got = 0;
    ASSERT_TRUE(parse_decimal(text, 18, scale, got)) << text;
    ASSERT_EQ(got, static_cast<int64_t>(ref_div_round(raw, dec_pow10<i128>(6 - scale)))) << text;
  }
}

}  // namespace
}  // namespace streamc

namespace streamc {
namespace {

// parse_decimal reads plain numbers on a fast path of its own; on random
// texts, plain and not, it must agree with the general parser in the result
// and in the value.
TEST(DecimalRandom, FastParseAgreesWithGeneral) {
  std::mt19937_64 rng(99);
  const std::string alphabet = "0123456789-+.eE ";
  for (int i = 0; i < 200000; ++i) {
    std::string text;
    if (rng() % 2 == 0) {  // plain: [-]digits[.digits], sometimes with leading zeros
      if (rng() % 3 == 0) text += '-';
      for (int n = static_cast<int>(rng() % 21); n > 0; --n) text += static_cast<char>('0' + rng() % 10);
      if (rng() % 2 == 0) {
        text += '.';
        for (int n = static_cast<int>(rng() % 6); n > 0; --n) text += static_cast<char>('0' + rng() % 10);
      }
    } else {
      for (int n = static_cast<int>(rng() % 8); n > 0; --n) text += alphabet[rng() % alphabet.size()];
    }
    const int precision = 1 + static_cast<int>(rng() % 38);
    const int scale = static_cast<int>(rng() % (precision + 1));
    if (precision <= 18) {
      int64_t fast = 0, general = 0;
      const bool a = parse_decimal(text, precision, scale, fast);
      const bool b = detail::parse_decimal_general(text, precision, scale, general);
      ASSERT_EQ(a, b) << "'" << text << "' (" << precision << "," << scale << ")";
      if (a) ASSERT_EQ(fast, general) << "'" << text << "' (" << precision << "," << scale << ")";
    }
    i128 fast = 0, general = 0;
    const bool a = parse_decimal(text, precision, scale, fast);
    const bool b = detail::parse_decimal_general(text, precision, scale, general);
    ASSERT_EQ(a, b) << "'" << text << "' (" << precision << "," << scale << ")";
    if (a) ASSERT_TRUE(fast == general) << "'" << text << "' (" << precision << "," << scale << ")";
  }
}

}  // namespace
}  // namespace streamc
