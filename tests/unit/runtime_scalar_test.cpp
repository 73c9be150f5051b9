// Checked scalar operations called by generated expressions (scalar.h) and
// the scan helpers (scan.h).
#include <gtest/gtest.h>

#include <cstdint>

#include "streamc/scalar.h"
#include "streamc/scan.h"
#include "streamc/text.h"

namespace streamc {
namespace {

TEST(Scalar, CheckedIntegerArithmetic) {
  int64_t out = 0;
  EXPECT_TRUE(checked_add<int64_t>(INT64_MAX - 1, 1, out));
  EXPECT_EQ(out, INT64_MAX);
  EXPECT_FALSE(checked_add<int64_t>(INT64_MAX, 1, out));
  EXPECT_TRUE(checked_sub<int64_t>(INT64_MIN + 1, 1, out));
  EXPECT_EQ(out, INT64_MIN);
  EXPECT_FALSE(checked_sub<int64_t>(INT64_MIN, 1, out));
  EXPECT_TRUE(checked_mul<int64_t>(INT64_MIN / 2, 2, out));
  EXPECT_FALSE(checked_mul<int64_t>(INT64_MAX / 2 + 1, 2, out));
  EXPECT_TRUE(checked_neg(INT64_MIN + 1, out));
  EXPECT_EQ(out, INT64_MAX);
  EXPECT_FALSE(checked_neg(INT64_MIN, out));
  // The result's type decides: INT * INT beyond 32 bits fails.
  int32_t small = 0;
  EXPECT_FALSE(checked_mul(int32_t{65536}, int32_t{32768}, small));
  EXPECT_TRUE(checked_mul(int32_t{65536}, int32_t{32767}, small));
  EXPECT_EQ(small, 2147418112);
}

TEST(Scalar, CheckedIntegerDivision) {
  int64_t out = 0;
  EXPECT_TRUE(checked_div<int64_t>(7, -2, out));
  EXPECT_EQ(out, -3);  // truncates toward zero
  EXPECT_FALSE(checked_div<int64_t>(INT64_MIN, -1, out));
  EXPECT_TRUE(checked_mod<int64_t>(INT64_MIN, -1, out));
  EXPECT_EQ(out, 0);
  EXPECT_TRUE(checked_mod<int64_t>(-7, 3, out));
  EXPECT_EQ(out, -1);
  int32_t small = 0;
  EXPECT_FALSE(checked_abs<int32_t>(INT32_MIN, small));
  EXPECT_TRUE(checked_abs<int32_t>(-5, small));
  EXPECT_EQ(small, 5);
}

TEST(Scalar, Narrowing) {
  int32_t out = 0;
  EXPECT_TRUE(narrow(int64_t{2147483647}, out));
  EXPECT_FALSE(narrow(int64_t{2147483648}, out));
  EXPECT_FALSE(narrow(int64_t{-2147483649}, out));
}

TEST(Scalar, DoubleToIntRoundsHalfToEven) {
  int64_t out = 0;
  EXPECT_TRUE(double_to_int(2.5, out));
  EXPECT_EQ(out, 2);
  EXPECT_TRUE(double_to_int(3.5, out));
  EXPECT_EQ(out, 4);
  EXPECT_TRUE(double_to_int(-2.5, out));
  EXPECT_EQ(out, -2);
  EXPECT_FALSE(double_to_int(1e19, out));
  EXPECT_FALSE(double_to_int(std::nan(""), out));
  int32_t small = 0;
  EXPECT_FALSE(double_to_int(3e9, small));
}

TEST(Scalar, DecimalConversions) {
  int32_t i = 0;
  EXPECT_TRUE(decimal_to_int(int64_t{-250}, 2, i));  // -2.50
  EXPECT_EQ(i, -3);                                   // half away from zero
  i128 wide = 0;
  EXPECT_TRUE(dec_cast(int64_t{12345}, 2, 20, 4, wide));  // 123.45 -> 123.4500
  EXPECT_EQ(wide, 1234500);
  int64_t narrow_out = 0;
  EXPECT_TRUE(dec_cast(i128{1234567}, 4, 10, 2, narrow_out));  // 123.4567 -> 123.46
  EXPECT_EQ(narrow_out, 12346);
  EXPECT_FALSE(dec_cast(i128{123456}, 0, 4, 0, narrow_out));  // 123456 does not fit 4 digits
}

TEST(Scalar, DecimalRounding) {
  EXPECT_EQ(dec_round_to_scale(int64_t{12345}, 3, 1), 123);    // 12.345 -> 12.3
  EXPECT_EQ(dec_round_to_scale(int64_t{12355}, 3, 2), 1236);   // 12.355 -> 12.36
  EXPECT_EQ(dec_round_to_scale(int64_t{-12355}, 3, 2), -1236);
  EXPECT_EQ(dec_floor_to_integer(int64_t{-1250}, 2), -13);
  EXPECT_EQ(dec_ceil_to_integer(int64_t{-1250}, 2), -12);
  EXPECT_EQ(dec_ceil_to_integer(int64_t{1201}, 2), 13);
}

TEST(Scalar, RoundDouble) {
  EXPECT_DOUBLE_EQ(round_double(2.5, 0), 3.0);
  EXPECT_DOUBLE_EQ(round_double(-2.5, 0), -3.0);
  EXPECT_DOUBLE_EQ(round_double(1.2345, 2), 1.23);
  EXPECT_DOUBLE_EQ(round_double(1234.5, -2), 1200.0);
}

TEST(Scalar, Dates) {
  int32_t days = 0;
  ASSERT_TRUE(parse_date("2025-09-27", days));
  EXPECT_EQ(days, 20358);
  Arena arena;
  EXPECT_EQ(date_to_text(arena, days), "2025-09-27");
  ASSERT_TRUE(parse_date("1969-12-31", days));
  EXPECT_EQ(days, -1);
  EXPECT_EQ(date_to_text(arena, days), "1969-12-31");
  EXPECT_FALSE(parse_date("2025-02-30", days));
}

TEST(Scan, FindColumnPrefersExactMatch) {
  std::vector<CsvField> header = {{"Id", false}, {"id", false}, {"NAME", false}};
  EXPECT_EQ(find_column(header, "id"), 1);
  EXPECT_EQ(find_column(header, "name"), 2);
  EXPECT_EQ(find_column(header, "missing"), -1);
}

}  // namespace
}  // namespace streamc

namespace streamc {
namespace {

TEST(TextCase, UnicodeUpperAndLower) {
  Arena arena;
  EXPECT_EQ(utf8_upper(arena, "café über"), "CAFÉ ÜBER");
  EXPECT_EQ(utf8_lower(arena, "ЖЁЛТЫЙ Дом"), "жёлтый дом");
  EXPECT_EQ(utf8_upper(arena, "plain ascii 123"), "PLAIN ASCII 123");
  EXPECT_EQ(utf8_upper(arena, "日本 ß"), "日本 ß");  // no simple mapping: unchanged
  std::string invalid = "a\xff" "b";
  EXPECT_EQ(utf8_upper(arena, invalid), "A\xff" "B");
}

}  // namespace
}  // namespace streamc
