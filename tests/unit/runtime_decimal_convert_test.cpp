// name: runtime decimal conversions
// description: parse_decimal, dec_div and the double/integer casts
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "streamc/decimal.h"
#include "streamc/format.h"

namespace streamc {
namespace {

template <DecimalInt T>
std::string str(T v, int scale) {
  char buf[kMaxFormattedLength];
  return std::string(buf, format_decimal(buf, v, scale));
}

// parse_decimal into int64_t, returned as text ("fail" when rejected).
std::string parse64(std::string_view text, int p, int s) {
  int64_t v = 0;
  return parse_decimal(text, p, s, v) ? str(v, s) : "fail";
}

std::string parse128(std::string_view text, int p, int s) {
  i128 v = 0;
  return parse_decimal(text, p, s, v) ? str(v, s) : "fail";
}

TEST(ParseDecimal, PlainForms) {
  EXPECT_EQ(parse64("12.34", 5, 2), "12.34");
  EXPECT_EQ(parse64("-12.3", 5, 2), "-12.30");
  EXPECT_EQ(parse64("+7", 5, 2), "7.00");
  EXPECT_EQ(parse64(".5", 3, 1), "0.5");
  EXPECT_EQ(parse64("5.", 3, 1), "5.0");
  EXPECT_EQ(parse64("000123.4500", 5, 2), "123.45");
  EXPECT_EQ(parse64("-0.00", 5, 2), "0.00");
  EXPECT_EQ(parse64("0", 1, 0), "0");
}

TEST(ParseDecimal, Exponent) {
  EXPECT_EQ(parse64("1.5e3", 10, 2), "1500.00");
  EXPECT_EQ(parse64("1.5E+3", 10, 2), "1500.00");
  EXPECT_EQ(parse64("1e-1", 3, 1), "0.1");
  EXPECT_EQ(parse64("0.1e1", 3, 1), "1.0");
  EXPECT_EQ(parse64("125e-3", 3, 2), "0.13");
  EXPECT_EQ(parse64("1e-400", 5, 2), "0.00");
  EXPECT_EQ(parse64("0e999999999999", 5, 2), "0.00");
  EXPECT_EQ(parse64("1e999999999999", 18, 0), "fail");
}

TEST(ParseDecimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(parse64("1.255", 5, 2), "1.26");
  EXPECT_EQ(parse64("-1.255", 5, 2), "-1.26");
  EXPECT_EQ(parse64("1.2549999", 5, 2), "1.25");
  EXPECT_EQ(parse64("0.005", 3, 2), "0.01");
  EXPECT_EQ(parse64("0.004999", 3, 2), "0.00");
  EXPECT_EQ(parse64("9.995", 3, 2), "fail");  // rounds to 10.00: 4 digits
  EXPECT_EQ(parse64("9.995", 4, 2), "10.00");
}

TEST(ParseDecimal, PrecisionLimits) {
  EXPECT_EQ(parse64("999.99", 5, 2), "999.99");
  EXPECT_EQ(parse64("1000.00", 5, 2), "fail");
  EXPECT_EQ(parse64("-1000", 5, 2), "fail");
  EXPECT_EQ(parse64("999999999999999999", 18, 0), "999999999999999999");
  EXPECT_EQ(parse64("1000000000000000000", 18, 0), "fail");
  EXPECT_EQ(parse128("99999999999999999999999999999999999999", 38, 0),
            "99999999999999999999999999999999999999");
  EXPECT_EQ(parse128("100000000000000000000000000000000000000", 38, 0), "fail");
  EXPECT_EQ(parse128("-12345678901234567890.123456789012345678", 38, 18),
            "-12345678901234567890.123456789012345678");
  EXPECT_EQ(parse128("0.1", 38, 38), "0.10000000000000000000000000000000000000");
}

TEST(ParseDecimal, RejectsMalformedText) {
  for (const char* bad : {"", "-", "+", ".", "1.2.3", "1e", "1e+", "e5", "abc", " 1", "1 ", "1,5",
                          "--1", "+-1", "1.5x", "0x10", "NaN", "Infinity"}) {
    EXPECT_EQ(parse64(bad, 10, 2), "fail") << "'" << bad << "'";
  }
}

TEST(ParseDecimal, RejectsInvalidTypeParameters) {
  EXPECT_EQ(parse64("1", 19, 0), "fail");  // int64_t holds at most 18 digits
  EXPECT_EQ(parse64("1", 0, 0), "fail");
  EXPECT_EQ(parse64("1", 5, 6), "fail");
  EXPECT_EQ(parse128("1", 39, 0), "fail");
}

std::string div64(int64_t a, int sa, int64_t b, int sb, int rs) {
  int64_t out = 0;
  return dec_div(a, sa, b, sb, rs, out) ? str(out, rs) : "fail";
}

std::string div128(i128 a, int sa, i128 b, int sb, int rs) {
  i128 out = 0;
  return dec_div(a, sa, b, sb, rs, out) ? str(out, rs) : "fail";
}

TEST(DecimalDiv, HalfUpAtResultScale) {
  EXPECT_EQ(div64(100, 2, 300, 2, 6), "0.333333");
  EXPECT_EQ(div64(200, 2, 300, 2, 2), "0.67");
  EXPECT_EQ(div64(-200, 2, 300, 2, 2), "-0.67");
  EXPECT_EQ(div64(200, 2, -300, 2, 2), "-0.67");
  EXPECT_EQ(div64(-1, 0, -8, 0, 2), "0.13");  // 0.125 rounds away from zero
  EXPECT_EQ(div64(1, 0, 8, 0, 2), "0.13");
  EXPECT_EQ(div64(15, 1, 5, 0, 0), "0");     // 1.5 / 5 = 0.3
  EXPECT_EQ(div64(25, 0, 10, 0, 0), "3");    // 2.5 -> 3
  EXPECT_EQ(div64(-25, 0, 10, 0, 0), "-3");
}

TEST(DecimalDiv, NegativeScaleShift) {
  // a has more scale than the result keeps: 1.23456 / 2 at scale 1 = 0.6.
  EXPECT_EQ(div64(123456, 5, 2, 0, 1), "0.6");
  // A divisor times 10^k beyond 2^128: the quotient rounds to zero.
  EXPECT_EQ(div128(i128{5}, 38, i128{7}, 0, 0), "0");
}

TEST(DecimalDiv, OverflowAndZero) {
  EXPECT_EQ(div64(std::numeric_limits<int64_t>::max(), 0, 1, 0, 1), "fail");
  EXPECT_EQ(div64(1, 0, 0, 0, 2), "fail");
  EXPECT_EQ(div64(std::numeric_limits<int64_t>::min(), 0, -1, 0, 0), "fail");
  EXPECT_EQ(div64(-std::numeric_limits<int64_t>::max(), 0, -1, 0, 0), "9223372036854775807");
}

TEST(DecimalDiv, LongDivisionWhenScalingOverflows) {
  // a * 10^k overflows 128 bits although the quotient is small.
  const i128 a = dec_pow10<i128>(30);
  EXPECT_EQ(div128(a, 0, a, 0, 10), "1.0000000000");
  EXPECT_EQ(div128(a, 0, 3 * a, 0, 20), "0.33333333333333333333");
  // A divisor near 10^38 makes 10 * remainder overflow as well.
  const i128 d = dec_pow10<i128>(38) - 1;
  EXPECT_EQ(div128(d - 1, 0, d, 0, 30), "1.000000000000000000000000000000");
  EXPECT_EQ(div128(d / 2, 0, d, 0, 37), "0.5000000000000000000000000000000000000");
  EXPECT_EQ(div128(d / 3, 0, d, 0, 38), "0.33333333333333333333333333333333333333");
  EXPECT_EQ(div128(7 * dec_pow10<i128>(37) + 3, 0, d, 0, 38),
            "0.70000000000000000000000000000000000004");
  EXPECT_EQ(div128(d - 1, 0, 7, 0, 0), "14285714285714285714285714285714285714");
  EXPECT_EQ(div128(1, 0, d, 0, 38), "0.00000000000000000000000000000000000001");
  EXPECT_EQ(div128(d, 0, 1, 0, 10), "fail");
}

TEST(DecimalToDouble, Values) {
  EXPECT_DOUBLE_EQ(dec_to_double<int64_t>(12345, 2), 123.45);
  EXPECT_DOUBLE_EQ(dec_to_double<int64_t>(-5, 3), -0.005);
  EXPECT_DOUBLE_EQ(dec_to_double<i128>(dec_pow10<i128>(38) - 1, 38), 1.0);
  EXPECT_EQ(dec_to_double<int64_t>(1, 1), 0.1);  // correctly rounded
}

TEST(DoubleToDecimal, MatchesDuckDbCast) {
  int64_t v = 0;
  EXPECT_TRUE(double_to_dec(0.125, 3, 2, v));
  EXPECT_EQ(v, 13);
  EXPECT_TRUE(double_to_dec(-0.125, 3, 2, v));
  EXPECT_EQ(v, -13);
  EXPECT_TRUE(double_to_dec(0.145, 3, 2, v));  // 14.4999.. after scaling
  EXPECT_EQ(v, 14);
  EXPECT_TRUE(double_to_dec(2.5, 2, 0, v));
  EXPECT_EQ(v, 3);
  EXPECT_TRUE(double_to_dec(99.99, 4, 2, v));
  EXPECT_EQ(v, 9999);
  EXPECT_FALSE(double_to_dec(100.0, 4, 2, v));
  EXPECT_FALSE(double_to_dec(std::nan(""), 10, 2, v));
  EXPECT_FALSE(double_to_dec(std::numeric_limits<double>::infinity(), 18, 0, v));
  EXPECT_FALSE(double_to_dec(1.0, 19, 0, v));
  i128 w = 0;
  EXPECT_TRUE(double_to_dec(1e30, 38, 2, w));
  // As in DuckDB the scaling happens in double: 1e30 * 100 is 1e32's double.
  EXPECT_EQ(str(w, 2), "1000000000000000053661622043934.72");
  EXPECT_FALSE(double_to_dec(1e38, 38, 0, w));
}

TEST(IntToDecimal, ScalesAndChecks) {
  int64_t v = 0;
  EXPECT_TRUE(int_to_dec(-42, 5, 2, v));
  EXPECT_EQ(v, -4200);
  EXPECT_FALSE(int_to_dec(1000, 5, 2, v));
  EXPECT_FALSE(int_to_dec(std::numeric_limits<int64_t>::max(), 18, 2, v));
  i128 w = 0;
  EXPECT_TRUE(int_to_dec(std::numeric_limits<int64_t>::max(), 38, 10, w));
  EXPECT_EQ(str(w, 10), "9223372036854775807.0000000000");
}

TEST(DecimalToInt, RoundsLikeSqlCast) {
  int64_t v = 0;
  EXPECT_TRUE(dec_to_int64<int64_t>(25, 1, v));
  EXPECT_EQ(v, 3);
  EXPECT_TRUE(dec_to_int64<int64_t>(-25, 1, v));
  EXPECT_EQ(v, -3);
  EXPECT_TRUE(dec_to_int64<int64_t>(-24, 1, v));
  EXPECT_EQ(v, -2);
  EXPECT_TRUE(dec_to_int64<int64_t>(std::numeric_limits<int64_t>::min(), 0, v));
  EXPECT_EQ(v, std::numeric_limits<int64_t>::min());
  EXPECT_FALSE(dec_to_int64<i128>(dec_pow10<i128>(20), 0, v));
  EXPECT_TRUE(dec_to_int64<i128>(dec_pow10<i128>(20), 2, v));
  EXPECT_EQ(v, 1000000000000000000LL);
}

}  // namespace
}  // namespace streamc
