// name: runtime decimal
// description: scaled-integer DECIMAL arithmetic, rounding, parsing and conversions
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "streamc/decimal.h"
#include "streamc/format.h"

namespace streamc {
namespace {

// Decimal text of an i128, for readable assertions.
std::string str(i128 v, int scale = 0) {
  char buf[kMaxFormattedLength];
  return std::string(buf, format_decimal(buf, v, scale));
}

i128 big(const char* text) {
  i128 v = 0;
  EXPECT_TRUE(parse_decimal(text, 38, 0, v)) << text;
  return v;
}

TEST(DecimalPow10, Table) {
  EXPECT_EQ(dec_pow10<int64_t>(0), 1);
  EXPECT_EQ(dec_pow10<int64_t>(18), 1000000000000000000LL);
  EXPECT_EQ(str(dec_pow10<i128>(38)), "100000000000000000000000000000000000000");
}

TEST(DecimalFits, Bounds) {
  EXPECT_TRUE(dec_fits<int64_t>(999, 3));
  EXPECT_FALSE(dec_fits<int64_t>(1000, 3));
  EXPECT_TRUE(dec_fits<int64_t>(-999, 3));
  EXPECT_FALSE(dec_fits<int64_t>(-1000, 3));
  EXPECT_TRUE(dec_fits<int64_t>(0, 0));
  EXPECT_FALSE(dec_fits<int64_t>(1, 0));
  EXPECT_TRUE(dec_fits<int64_t>(std::numeric_limits<int64_t>::min(), 19));
  EXPECT_TRUE(dec_fits<i128>(dec_pow10<i128>(38) - 1, 38));
  EXPECT_FALSE(dec_fits<i128>(dec_pow10<i128>(38), 38));
}

TEST(DecimalArithmetic, CheckedAddSubMul) {
  int64_t r = 0;
  EXPECT_TRUE(dec_add<int64_t>(150, -275, r));
  EXPECT_EQ(r, -125);
  EXPECT_FALSE(dec_add<int64_t>(std::numeric_limits<int64_t>::max(), 1, r));
  EXPECT_TRUE(dec_sub<int64_t>(100, 250, r));
  EXPECT_EQ(r, -150);
  EXPECT_FALSE(dec_sub<int64_t>(std::numeric_limits<int64_t>::min(), 1, r));
  EXPECT_TRUE(dec_mul<int64_t>(-125, 40, r));  // -1.25 * 4.0 = -5.000
  EXPECT_EQ(r, -5000);
  EXPECT_FALSE(dec_mul<int64_t>(4000000000LL, 4000000000LL, r));
  i128 w = 0;
  EXPECT_TRUE(dec_mul<i128>(4000000000LL, 4000000000LL, w));
  EXPECT_EQ(str(w), "16000000000000000000");
  EXPECT_FALSE(dec_mul<i128>(dec_pow10<i128>(38), 2, w));
}

TEST(DecimalArithmetic, NegAbsMod) {
  int64_t r = 0;
  EXPECT_TRUE(dec_neg<int64_t>(5, r));
  EXPECT_EQ(r, -5);
  EXPECT_FALSE(dec_neg<int64_t>(std::numeric_limits<int64_t>::min(), r));
  EXPECT_TRUE(dec_abs<int64_t>(-7, r));
  EXPECT_EQ(r, 7);
  EXPECT_TRUE(dec_abs<int64_t>(7, r));
  EXPECT_EQ(r, 7);
  EXPECT_FALSE(dec_abs<int64_t>(std::numeric_limits<int64_t>::min(), r));
  EXPECT_TRUE(dec_mod<int64_t>(-75, 20, r));  // -7.5 % 2.0 = -1.5
  EXPECT_EQ(r, -15);
  EXPECT_TRUE(dec_mod<int64_t>(std::numeric_limits<int64_t>::min(), -1, r));
  EXPECT_EQ(r, 0);
  EXPECT_FALSE(dec_mod<int64_t>(1, 0, r));
}

TEST(DecimalRescale, UpIsExactAndChecked) {
  int64_t r = 0;
  EXPECT_TRUE(dec_rescale<int64_t>(-125, 2, 4, r));
  EXPECT_EQ(r, -12500);
  EXPECT_FALSE(dec_rescale<int64_t>(1000000000000, 0, 10, r));
  EXPECT_TRUE(dec_rescale<int64_t>(0, 0, 30, r));
  EXPECT_EQ(r, 0);
  EXPECT_FALSE(dec_rescale<int64_t>(1, 0, 30, r));
}

TEST(DecimalRescale, DownRoundsHalfAwayFromZero) {
  int64_t r = 0;
  EXPECT_TRUE(dec_rescale<int64_t>(1245, 3, 2, r));  // 1.245 -> 1.25
  EXPECT_EQ(r, 125);
  EXPECT_TRUE(dec_rescale<int64_t>(-1245, 3, 2, r));
  EXPECT_EQ(r, -125);
  EXPECT_TRUE(dec_rescale<int64_t>(1244, 3, 2, r));
  EXPECT_EQ(r, 124);
  EXPECT_TRUE(dec_rescale<int64_t>(-1244, 3, 0, r));
  EXPECT_EQ(r, -1);
  // 10^19 does not fit int64_t but the scale-down still rounds correctly.
  EXPECT_TRUE(dec_rescale<int64_t>(std::numeric_limits<int64_t>::max(), 19, 0, r));
  EXPECT_EQ(r, 1);
  EXPECT_TRUE(dec_rescale<int64_t>(4999999999999999999LL, 19, 0, r));
  EXPECT_EQ(r, 0);
  EXPECT_TRUE(dec_rescale<int64_t>(std::numeric_limits<int64_t>::min(), 25, 0, r));
  EXPECT_EQ(r, 0);
  i128 w = 0;
  EXPECT_TRUE(dec_rescale<i128>(big("-15000000000000000000000000000000000000"), 37, 0, w));
  EXPECT_EQ(str(w), "-2");
}

TEST(DecimalRound, DigitsKeepScale) {
  EXPECT_EQ(dec_round<int64_t>(25, 1, 0), 30);     // 2.5 -> 3.0
  EXPECT_EQ(dec_round<int64_t>(-255, 2, 1), -260);  // -2.55 -> -2.60
  EXPECT_EQ(dec_round<int64_t>(-254, 2, 1), -250);
  EXPECT_EQ(dec_round<int64_t>(125, 0, -1), 130);   // 125 -> 130
  EXPECT_EQ(dec_round<int64_t>(1234, 2, 5), 1234);  // nothing to drop
  EXPECT_EQ(dec_round<int64_t>(995, 2, 1), 1000);   // 9.95 -> 10.00
  EXPECT_EQ(dec_round<int64_t>(999999999999999999LL, 0, -30), 0);
  EXPECT_EQ(str(dec_round<i128>(dec_pow10<i128>(38) - 1, 0, -37)),
            "100000000000000000000000000000000000000");
}

TEST(DecimalRound, FloorAndCeil) {
  EXPECT_EQ(dec_floor<int64_t>(-25, 1), -30);
  EXPECT_EQ(dec_floor<int64_t>(25, 1), 20);
  EXPECT_EQ(dec_floor<int64_t>(-20, 1), -20);
  EXPECT_EQ(dec_ceil<int64_t>(-25, 1), -20);
  EXPECT_EQ(dec_ceil<int64_t>(25, 1), 30);
  EXPECT_EQ(dec_ceil<int64_t>(20, 1), 20);
  EXPECT_EQ(dec_floor<int64_t>(7, 0), 7);
  EXPECT_EQ(dec_ceil<int64_t>(-7, 0), -7);
  // -1234567890.12345678901234567890 at scale 20 -> -1234567891.
  EXPECT_EQ(str(dec_floor<i128>(big("-123456789012345678901234567890"), 20), 20),
            "-1234567891.00000000000000000000");
  EXPECT_EQ(str(dec_ceil<i128>(big("-123456789012345678901234567890"), 20), 20),
            "-1234567890.00000000000000000000");
}

TEST(DecimalCompare, ExactAcrossScales) {
  const int64_t one_fifty = 150;
  const int64_t fifteen = 15;
  EXPECT_EQ(dec_compare(one_fifty, 2, fifteen, 1), 0);  // 1.50 == 1.5
  EXPECT_EQ(dec_compare(one_fifty + 1, 2, fifteen, 1), 1);
  EXPECT_EQ(dec_compare(-one_fifty - 1, 2, -fifteen, 1), -1);
  // Mixed representations: 1 > 0.99999999999999999999.
  EXPECT_EQ(dec_compare(int64_t{1}, 0, big("99999999999999999999"), 20), 1);
  // Scaling 10^37 up by 10^10 overflows i128: the sign must still decide.
  const i128 huge = dec_pow10<i128>(37);
  EXPECT_EQ(dec_compare(huge, 0, huge, 10), 1);
  EXPECT_EQ(dec_compare(-huge, 0, huge, 10), -1);
  EXPECT_EQ(dec_compare(huge, 10, huge, 0), -1);
  EXPECT_EQ(dec_compare(huge, 10, -huge, 0), 1);
  EXPECT_EQ(dec_compare(int64_t{0}, 0, int64_t{0}, 38), 0);
}

}  // namespace
}  // namespace streamc
