// name: runtime format
// description: text of doubles, decimals and integers as generated programs print them
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "streamc/arena.h"
#include "streamc/decimal.h"
#include "streamc/format.h"
#include "streamc/text.h"

namespace streamc {
namespace {

std::string dbl(double v) {
  char buf[kMaxFormattedLength];
  return std::string(buf, format_double(buf, v));
}

template <DecimalInt T>
std::string dec(T v, int scale) {
  char buf[kMaxFormattedLength];
  return std::string(buf, format_decimal(buf, v, scale));
}

TEST(FormatInt, Values) {
  char buf[kMaxFormattedLength];
  EXPECT_EQ(std::string(buf, format_int(buf, 0)), "0");
  EXPECT_EQ(std::string(buf, format_int(buf, -42)), "-42");
  EXPECT_EQ(std::string(buf, format_int(buf, INT64_MIN)), "-9223372036854775808");
}

TEST(FormatDouble, LikeDuckDb) {
  // Each expectation matches DuckDB's CAST(double AS VARCHAR).
  EXPECT_EQ(dbl(3.0), "3.0");
  EXPECT_EQ(dbl(-3.0), "-3.0");
  EXPECT_EQ(dbl(0.0), "0.0");
  EXPECT_EQ(dbl(-0.0), "-0.0");
  EXPECT_EQ(dbl(0.1), "0.1");
  EXPECT_EQ(dbl(123456.789), "123456.789");
  EXPECT_EQ(dbl(1e15), "1000000000000000.0");
  EXPECT_EQ(dbl(1e16), "1e+16");
  EXPECT_EQ(dbl(0.0001), "0.0001");
  EXPECT_EQ(dbl(0.00001), "1e-05");
  EXPECT_EQ(dbl(1.5e300), "1.5e+300");
  EXPECT_EQ(dbl(-2.5e-7), "-2.5e-07");
  EXPECT_EQ(dbl(std::nan("")), "NaN");
  EXPECT_EQ(dbl(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(dbl(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(dbl(std::numeric_limits<double>::denorm_min()), "5e-324");
  EXPECT_EQ(dbl(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
}

TEST(FormatDouble, RoundTrips) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 20000; ++i) {
    const uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isnan(v)) continue;
    const std::string text = dbl(v);
    ASSERT_LE(text.size(), kMaxFormattedLength);
    double back = 0;
    ASSERT_TRUE(parse_double(text, back)) << text;
    ASSERT_EQ(back, v) << text;
  }
}

TEST(FormatDecimal, ExactScale) {
  EXPECT_EQ(dec<int64_t>(-5, 2), "-0.05");
  EXPECT_EQ(dec<int64_t>(1230, 2), "12.30");
  EXPECT_EQ(dec<int64_t>(0, 2), "0.00");
  EXPECT_EQ(dec<int64_t>(0, 0), "0");
  EXPECT_EQ(dec<int64_t>(-7, 0), "-7");
  EXPECT_EQ(dec<int64_t>(100, 2), "1.00");
  EXPECT_EQ(dec<int64_t>(5, 1), "0.5");
  EXPECT_EQ(dec<int64_t>(INT64_MIN, 18), "-9.223372036854775808");
  EXPECT_EQ(dec<int64_t>(INT64_MAX, 0), "9223372036854775807");
  EXPECT_EQ(dec<int64_t>(1, 18), "0.000000000000000001");
}

TEST(FormatDecimal, Wide) {
  const i128 max = ~(u128(1) << 127);
  EXPECT_EQ(dec<i128>(max, 0), "170141183460469231731687303715884105727");
  EXPECT_EQ(dec<i128>(-max - 1, 0), "-170141183460469231731687303715884105728");
  EXPECT_EQ(dec<i128>(-max - 1, 38), "-1.70141183460469231731687303715884105728");
  EXPECT_EQ(dec<i128>(dec_pow10<i128>(19), 0), "10000000000000000000");
  EXPECT_EQ(dec<i128>(dec_pow10<i128>(19) + 7, 19), "1.0000000000000000007");
  EXPECT_EQ(dec<i128>(-1, 38), "-0.00000000000000000000000000000000000001");
}

TEST(FormatDecimal, RoundTripsThroughParse) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20000; ++i) {
    const i128 v = (i128(int64_t(rng())) << 60) ^ i128(rng() >> 4);
    const int scale = static_cast<int>(rng() % 39);
    if (!dec_fits(v, 38)) continue;
    i128 back = 0;
    ASSERT_TRUE(parse_decimal(dec(v, scale), 38, scale, back)) << dec(v, scale);
    ASSERT_TRUE(back == v) << dec(v, scale);
  }
}

TEST(FormatToText, ArenaVariants) {
  Arena arena;
  EXPECT_EQ(int_to_text(arena, -12), "-12");
  EXPECT_EQ(double_to_text(arena, 2.5), "2.5");
  EXPECT_EQ(decimal_to_text(arena, int64_t{-125}, 2), "-1.25");
  EXPECT_EQ(decimal_to_text(arena, i128{125}, 3), "0.125");
  EXPECT_EQ(timestamp_to_text(arena, 0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_bool(true), "true");
  EXPECT_EQ(format_bool(false), "false");
}

}  // namespace
}  // namespace streamc
