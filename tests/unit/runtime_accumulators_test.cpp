// name: runtime accumulators
// description: COUNT, SUM, MIN, MAX and AVG as generated code keeps them
// (accumulators.h): an empty aggregate is NULL (COUNT is 0), exact sums fail
// instead of overflowing, AVG divides once at the end; and Recent (recent.h),
// the ring of a LAG's last values
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "streamc/accumulators.h"
#include "streamc/analytics.h"
#include "streamc/hash_table.h"
#include "streamc/recent.h"

namespace streamc {
namespace {

TEST(Accumulators, EmptyIsNullExceptCount) {
  EXPECT_FALSE(Count{}.is_null());
  EXPECT_EQ(Count{}.result(), 0);
  EXPECT_TRUE(Sum<int64_t>{}.is_null());
  EXPECT_TRUE(Sum<i128>{}.is_null());
  EXPECT_TRUE(Sum<double>{}.is_null());
  EXPECT_TRUE(Min<int32_t>{}.is_null());
  EXPECT_TRUE(Max<std::string_view>{}.is_null());
  EXPECT_TRUE(Avg{}.is_null());
}

TEST(Accumulators, Count) {
  Count c;
  for (int i = 0; i < 3; ++i) c.add();
  EXPECT_EQ(c.result(), 3);
}

TEST(Accumulators, MinAndMax) {
  Min<int64_t> lo;
  Max<int64_t> hi;
  for (int64_t v : {5, -2, 9, -2, 0}) {
    lo.add(v);
    hi.add(v);
  }
  EXPECT_FALSE(lo.is_null());
  EXPECT_EQ(lo.result(), -2);
  EXPECT_EQ(hi.result(), 9);
  // The first value is kept even when it equals the default of the type.
  Max<int32_t> negative;
  negative.add(-7);
  EXPECT_EQ(negative.result(), -7);
  Min<std::string_view> word;
  for (std::string_view v : {"pear", "apple", "plum"}) word.add(v);
  EXPECT_EQ(word.result(), "apple");
}

TEST(Accumulators, IntegerSumFailsOnOverflow) {
  Sum<int64_t> s;
  EXPECT_TRUE(s.add(std::numeric_limits<int64_t>::max() - 1));
  EXPECT_TRUE(s.add(1));
  EXPECT_EQ(s.result(), std::numeric_limits<int64_t>::max());
  EXPECT_FALSE(s.add(1));
  Sum<int64_t> down;
  EXPECT_TRUE(down.add(std::numeric_limits<int64_t>::min()));
  EXPECT_FALSE(down.add(-1));
}

TEST(Accumulators, DecimalSumKeepsWithin38Digits) {
  const i128 max38 = dec_pow10<i128>(38) - 1;  // 99..9, the largest DECIMAL(38, s)
  Sum<i128> s;
  EXPECT_TRUE(s.add(max38 - 5));
  EXPECT_TRUE(s.add(5));
  EXPECT_EQ(s.result(), max38);
  EXPECT_FALSE(s.add(1));  // 10^38 fits an i128 but not 38 digits
  Sum<i128> negative;
  EXPECT_TRUE(negative.add(-max38));
  EXPECT_FALSE(negative.add(-1));
  // Past the i128 range, too.
  Sum<i128> wide;
  EXPECT_FALSE(wide.add(std::numeric_limits<i128>::max()));
}

TEST(Accumulators, DoubleSumIsPlainAddition) {
  Sum<double> s;
  s.add(0.1);
  s.add(0.2);
  EXPECT_FALSE(s.is_null());
  EXPECT_EQ(s.result(), 0.1 + 0.2);
  s.add(std::numeric_limits<double>::max());
  s.add(std::numeric_limits<double>::max());
  EXPECT_EQ(s.result(), std::numeric_limits<double>::infinity());
  static_assert(std::is_void_v<decltype(s.add(1.0))>, "a double sum cannot fail");
}

TEST(Accumulators, AvgDividesTheSumOnce) {
  Avg a;
  for (double v : {1.0, 2.0, 4.0}) a.add(v);
  EXPECT_FALSE(a.is_null());
  EXPECT_EQ(a.result(), 7.0 / 3.0);
  Avg decimals;
  decimals.add(dec_to_double<int64_t>(105, 2));  // 1.05
  decimals.add(dec_to_double<int64_t>(110, 2));  // 1.10
  EXPECT_EQ(decimals.result(), (1.05 + 1.10) / 2.0);
}

TEST(Accumulators, ResetByAssigningEmpty) {
  Sum<int64_t> s;
  EXPECT_TRUE(s.add(4));
  s = {};
  EXPECT_TRUE(s.is_null());
  EXPECT_EQ(s.result(), 0);
}

TEST(Accumulators, SpreadSampleAndPopulation) {
  Spread<SpreadKind::StddevSamp> sd;
  Spread<SpreadKind::VarPop> var_pop;
  EXPECT_TRUE(sd.is_null());
  EXPECT_TRUE(var_pop.is_null());
  sd.add(2);
  var_pop.add(2);
  EXPECT_TRUE(sd.is_null());  // a sample of one value has no deviation
  EXPECT_FALSE(var_pop.is_null());
  EXPECT_EQ(var_pop.result(), 0.0);
  for (double v : {4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) {
    sd.add(v);
    var_pop.add(v);
  }
  EXPECT_DOUBLE_EQ(var_pop.result(), 4.0);  // the classic example: mean 5, population variance 4
  EXPECT_DOUBLE_EQ(sd.result(), std::sqrt(32.0 / 7.0));
}

// Two accumulators merged equal one that saw every value (sessions that merge).
TEST(Accumulators, MergeEqualsOnePass) {
  const double values[] = {4.5, -2.0, 7.25, 0.0, 13.0, 1e-3, 8.0};
  Count c1, c2, call;
  Min<double> lo1, lo2, loall;
  Max<double> hi1, hi2, hiall;
  Sum<double> s1, s2, sall;
  Avg a1, a2, aall;
  Spread<SpreadKind::VarSamp> v1, v2, vall;
  for (size_t i = 0; i < std::size(values); ++i) {
    const double v = values[i];
    (i < 3 ? c1 : c2).add();
    (i < 3 ? lo1 : lo2).add(v);
    (i < 3 ? hi1 : hi2).add(v);
    (i < 3 ? s1 : s2).add(v);
    (i < 3 ? a1 : a2).add(v);
    (i < 3 ? v1 : v2).add(v);
    call.add();
    loall.add(v);
    hiall.add(v);
    sall.add(v);
    aall.add(v);
    vall.add(v);
  }
  EXPECT_TRUE(c1.merge(c2) && lo1.merge(lo2) && hi1.merge(hi2) && s1.merge(s2) && a1.merge(a2) && v1.merge(v2));
  EXPECT_EQ(c1.result(), call.result());
  EXPECT_EQ(lo1.result(), loall.result());
  EXPECT_EQ(hi1.result(), hiall.result());
  EXPECT_DOUBLE_EQ(s1.result(), sall.result());
  EXPECT_DOUBLE_EQ(a1.result(), aall.result());
  EXPECT_NEAR(v1.result(), vall.result(), 1e-12 * vall.result());
  Spread<SpreadKind::VarSamp> empty;
  EXPECT_TRUE(empty.merge(vall));  // into an empty one: a copy
  EXPECT_DOUBLE_EQ(empty.result(), vall.result());
  Min<double> none;
  EXPECT_TRUE(lo1.merge(none));  // an empty one changes nothing
  EXPECT_EQ(lo1.result(), loall.result());
  Sum<int64_t> big, more;
  ASSERT_TRUE(big.add(std::numeric_limits<int64_t>::max()));
  ASSERT_TRUE(more.add(1));
  EXPECT_FALSE(big.merge(more));  // an overflow is reported, never wrapped
}

// AVG of a DECIMAL: the 64-bit path and the 128-bit one round alike, half away from zero.
TEST(Accumulators, AvgDecimalRoundsHalfAwayFromZero) {
  AvgDecimal<2, 6> a;
  for (int64_t v : {100, 100, 200}) ASSERT_TRUE(a.add(v));  // 1.00, 1.00, 2.00
  EXPECT_EQ(a.result(), 1333333);                          // 1.333333
  AvgDecimal<2, 6> half;
  ASSERT_TRUE(half.add(1));  // 0.01 and 0.00 over 32 values: 0.0003125 -> 0.000313
  for (int i = 0; i < 31; ++i) ASSERT_TRUE(half.add(0));
  EXPECT_EQ(half.result(), 313);
  AvgDecimal<2, 6> negative;
  ASSERT_TRUE(negative.add(-1));
  for (int i = 0; i < 31; ++i) ASSERT_TRUE(negative.add(0));
  EXPECT_EQ(negative.result(), -313);
  // Sums past 64 bits take the 128-bit division, to the same rounding.
  const i128 big = static_cast<i128>(INT64_MAX) * 1000 + 5;
  AvgDecimal<0, 6> wide;
  ASSERT_TRUE(wide.add(big));
  ASSERT_TRUE(wide.add(0));
  i128 want = 0;
  ASSERT_TRUE(dec_div(big, 0, i128{2}, 0, 6, want));
  EXPECT_TRUE(wide.result() == want);
  EXPECT_TRUE((AvgDecimal<2, 6>{}.is_null()));
}

// FIRST and LAST follow arrival, also when two of them merge (a session bridged).
TEST(Accumulators, FirstAndLastByArrival) {
  First<int64_t> first, later_first;
  Last<int64_t> last, later_last;
  EXPECT_TRUE(first.is_null());
  first.add(7, 1);
  first.add(8, 3);
  later_first.add(5, 2);  // arrived between the two
  last.add(7, 1);
  last.add(8, 3);
  later_last.add(9, 4);
  EXPECT_EQ(first.result(), 7);
  EXPECT_EQ(last.result(), 8);
  EXPECT_TRUE(later_first.merge(first));
  EXPECT_EQ(later_first.result(), 7);  // record 1 came first
  EXPECT_TRUE(last.merge(later_last));
  EXPECT_EQ(last.result(), 9);  // record 4 came last
  Last<int64_t> empty;
  EXPECT_TRUE(last.merge(empty));
  EXPECT_EQ(last.result(), 9);
}

// EXPIRE AFTER: a partition idle for the expiry starts afresh, and idle ones are freed.
TEST(Partitions, ExpireByEventTime) {
  Partitions<std::tuple<bool, int64_t>, RowCount> parts(60);
  EXPECT_EQ(parts.at({false, 1}, 0).state.next(), 1);
  EXPECT_EQ(parts.at({false, 2}, 10).state.next(), 1);
  EXPECT_EQ(parts.at({false, 1}, 59).state.next(), 2);   // idle 59 < 60: the same partition
  EXPECT_EQ(parts.at({false, 1}, 119).state.next(), 1);  // idle 60: afresh
  EXPECT_EQ(parts.at({false, 1}, 119).rows, 2u);
  EXPECT_EQ(parts.size(), 1u);  // partition 2, idle since 10, was freed on the way
  Partitions<std::tuple<bool, int64_t>, RowCount> never(0);
  never.at({false, 1}, 0);
  EXPECT_EQ(never.at({false, 1}, 1000000).state.next(), 1);  // never expires: the same partition, its second row
  EXPECT_EQ(never.at({false, 1}, 2000000).rows, 3u);
}

TEST(Recent, ReadsBackUpToItsSizeAcrossTheRing) {
  Recent<int64_t, 2> r;
  int64_t v = -1;
  bool null = true;
  EXPECT_FALSE(r.get(1, v, null));  // nothing pushed: LAG takes its default
  r.push(10, false);
  r.push(0, true);  // a NULL value is kept as NULL
  r.push(30, false);
  ASSERT_TRUE(r.get(1, v, null));
  EXPECT_EQ(v, 30);
  EXPECT_FALSE(null);
  ASSERT_TRUE(r.get(2, v, null));
  EXPECT_TRUE(null);
  EXPECT_FALSE(r.get(3, v, null));  // beyond its size
  EXPECT_FALSE(r.get(0, v, null));
}

// LAG of a VARCHAR: each partition's ring holds copies its table owns, which
// survive the records they came from and the compaction of replaced copies.
TEST(Recent, TextsOwnedByThePartitionsTableSurviveCompaction) {
  HashTable<int64_t, Recent<std::string_view, 2>> partitions;
  std::string buffer;
  for (int64_t i = 0; i < 20000; ++i) {
    auto& ring = partitions.find_or_insert(i % 7);
    buffer.assign(50, static_cast<char>('a' + i % 26));  // the record's text, overwritten by the next record
    ring.push(partitions.own(buffer, ring.replaced()), false);
    if (i >= 14) {
      std::string_view back;
      bool null = true;
      ASSERT_TRUE(partitions.find_or_insert(i % 7).get(2, back, null));
      ASSERT_EQ(back, std::string(50, static_cast<char>('a' + (i - 7) % 26))) << i;
    }
  }
  EXPECT_LT(partitions.memory_bytes(), size_t{1} << 20);  // replaced copies were compacted away
}

}  // namespace
}  // namespace streamc
