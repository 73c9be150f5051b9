// name: runtime timestamp
// description: civil calendar math and timestamp parsing (epoch milliseconds, UTC)
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "streamc/format.h"
#include "streamc/timestamp.h"

namespace streamc {
namespace {

int64_t ts(std::string_view text) {
  int64_t ms = 0;
  EXPECT_TRUE(parse_timestamp(text, ms)) << text;
  return ms;
}

bool rejects(std::string_view text) {
  int64_t ms = 0;
  return !parse_timestamp(text, ms);
}

TEST(TimestampCalendar, DaysFromCivil) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2025, 9, 27), 20358);
  EXPECT_EQ(days_from_civil(0, 1, 1), -719528);
}

TEST(TimestampCalendar, CivilFromDaysRoundTrips) {
  for (int64_t z = -800000; z <= 3000000; z += 997) {
    const CivilDate d = civil_from_days(z);
    ASSERT_EQ(days_from_civil(d.year, d.month, d.day), z);
    ASSERT_GE(d.day, 1);
    ASSERT_LE(d.day, days_in_month(d.year, d.month));
  }
  const CivilDate leap = civil_from_days(days_from_civil(2024, 2, 29));
  EXPECT_EQ(leap.year, 2024);
  EXPECT_EQ(leap.month, 2);
  EXPECT_EQ(leap.day, 29);
}

TEST(TimestampCalendar, LeapYears) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_EQ(days_in_month(2023, 12), 31);
}

TEST(TimestampCalendar, FloorDivAndMod) {
  EXPECT_EQ(floor_div(7, 2), 3);
  EXPECT_EQ(floor_div(-7, 2), -4);
  EXPECT_EQ(floor_div(-8, 2), -4);
  EXPECT_EQ(floor_mod(-7, 60000), 59993);
  EXPECT_EQ(floor_mod(7, 60000), 7);
}

TEST(TimestampCalendar, CivilFromMsAndBack) {
  const CivilTime t = civil_from_ms(-1);  // 1969-12-31T23:59:59.999
  EXPECT_EQ(t.year, 1969);
  EXPECT_EQ(t.month, 12);
  EXPECT_EQ(t.day, 31);
  EXPECT_EQ(t.hour, 23);
  EXPECT_EQ(t.minute, 59);
  EXPECT_EQ(t.second, 59);
  EXPECT_EQ(t.millisecond, 999);
  EXPECT_EQ(ms_from_civil(t), -1);
  std::mt19937_64 rng(42);
  for (int i = 0; i < 10000; ++i) {
    const int64_t ms = static_cast<int64_t>(rng() % 400000000000000ULL) - 200000000000000LL;
    ASSERT_EQ(ms_from_civil(civil_from_ms(ms)), ms);
  }
}

TEST(ParseTimestamp, IsoForms) {
  EXPECT_EQ(ts("1970-01-01"), 0);
  EXPECT_EQ(ts("2025-09-27"), 1758931200000);
  EXPECT_EQ(ts("2025-09-27 09:30:00"), 1758965400000);
  EXPECT_EQ(ts("2025-09-27T09:30:00"), 1758965400000);
  EXPECT_EQ(ts("2025-09-27t09:30:00"), 1758965400000);
  EXPECT_EQ(ts("2025-09-27T09:30"), 1758965400000);
  EXPECT_EQ(ts("2025-9-7"), ts("2025-09-07"));
  EXPECT_EQ(ts("1969-12-31T23:59:59.999"), -1);
  EXPECT_EQ(ts("0000-01-01"), -62167219200000);
}

TEST(ParseTimestamp, FractionIsTruncatedToMilliseconds) {
  EXPECT_EQ(ts("2025-09-27T09:30:00.1"), 1758965400100);
  EXPECT_EQ(ts("2025-09-27T09:30:00.12"), 1758965400120);
  EXPECT_EQ(ts("2025-09-27T09:30:00.123"), 1758965400123);
  EXPECT_EQ(ts("2025-09-27T09:30:00.123999999"), 1758965400123);
  EXPECT_TRUE(rejects("2025-09-27T09:30:00.1234567890"));
  EXPECT_TRUE(rejects("2025-09-27T09:30:00."));
}

TEST(ParseTimestamp, Offsets) {
  const int64_t utc = ts("2025-09-27T07:30:00Z");
  EXPECT_EQ(ts("2025-09-27T07:30:00z"), utc);
  EXPECT_EQ(ts("2025-09-27T09:30:00+02:00"), utc);
  EXPECT_EQ(ts("2025-09-27T09:30:00+0200"), utc);
  EXPECT_EQ(ts("2025-09-27T09:30:00+02"), utc);
  EXPECT_EQ(ts("2025-09-27T02:00:00-05:30"), utc);
  EXPECT_EQ(ts("2025-09-27 09:30:00.5+02:00"), utc + 500);
  EXPECT_EQ(ts("2025-01-01T00:30:00+01:00"), ts("2024-12-31T23:30:00Z"));
  EXPECT_TRUE(rejects("2025-09-27Z"));
  EXPECT_TRUE(rejects("2025-09-27T09:30:00+2"));
  EXPECT_TRUE(rejects("2025-09-27T09:30:00+02:"));
  EXPECT_TRUE(rejects("2025-09-27T09:30:00+24:00"));
  EXPECT_TRUE(rejects("2025-09-27T09:30:00+02:60"));
  EXPECT_TRUE(rejects("2025-09-27T09:30:00Zx"));
}

TEST(ParseTimestamp, EpochMillis) {
  EXPECT_EQ(ts("1758965400000"), 1758965400000);
  EXPECT_EQ(ts("-1"), -1);
  EXPECT_EQ(ts("0"), 0);
  EXPECT_EQ(ts("+5"), 5);
  EXPECT_TRUE(rejects("12.5"));
  EXPECT_TRUE(rejects("99999999999999999999"));
}

TEST(ParseTimestamp, RangeChecks) {
  EXPECT_EQ(ts("2024-02-29"), ts("2024-03-01") - kMsPerDay);
  EXPECT_TRUE(rejects("2023-02-29"));
  EXPECT_TRUE(rejects("2024-02-30"));
  EXPECT_TRUE(rejects("2024-04-31"));
  EXPECT_TRUE(rejects("2024-00-10"));
  EXPECT_TRUE(rejects("2024-13-10"));
  EXPECT_TRUE(rejects("2024-01-00"));
  EXPECT_TRUE(rejects("2024-01-01T24:00:00"));
  EXPECT_TRUE(rejects("2024-01-01T23:60:00"));
  EXPECT_TRUE(rejects("2024-01-01T23:59:60"));
}

TEST(ParseTimestamp, RejectsMalformed) {
  for (const char* bad : {"", "2024x", "2024-01", "2024-01-01T", "2024-01-01 1:00:00", "24-01-01",
                          "2024/01/01", " 2024-01-01", "2024-01-01 ", "2024-01-01X10:00:00",
                          "2024-01-011", "2024-01-01T10", "2024-01-01T10:0", "abc", "-"}) {
    EXPECT_TRUE(rejects(bad)) << "'" << bad << "'";
  }
}

TEST(LooksLikeTimestamp, CalendarFormsOnly) {
  EXPECT_TRUE(looks_like_timestamp("2025-09-27"));
  EXPECT_TRUE(looks_like_timestamp("2025-09-27T09:30:00Z"));
  EXPECT_TRUE(looks_like_timestamp("2025-09-27 09:30:00.123+02:00"));
  EXPECT_FALSE(looks_like_timestamp("1758965400000"));
  EXPECT_FALSE(looks_like_timestamp("2025"));
  EXPECT_FALSE(looks_like_timestamp("2025-13-01"));
  EXPECT_FALSE(looks_like_timestamp("hello"));
  EXPECT_FALSE(looks_like_timestamp(""));
}

std::string format(int64_t ms) {
  char buf[kMaxFormattedLength];
  return std::string(buf, format_timestamp(buf, ms));
}

TEST(FormatTimestamp, IsoUtcWithMilliseconds) {
  EXPECT_EQ(format(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format(1758965400000), "2025-09-27T09:30:00.000Z");
  EXPECT_EQ(format(1758965400123), "2025-09-27T09:30:00.123Z");
  EXPECT_EQ(format(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format(ts("0001-02-03T04:05:06.007")), "0001-02-03T04:05:06.007Z");
  EXPECT_EQ(format(ts("9999-12-31T23:59:59.999")), "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(format(ts("9999-12-31T23:59:59.999") + 1), "10000-01-01T00:00:00.000Z");
  EXPECT_EQ(format(ts("0000-01-01") - kMsPerDay), "-0001-12-31T00:00:00.000Z");
  EXPECT_EQ(format(INT64_MAX), "292278994-08-17T07:12:55.807Z");
  EXPECT_EQ(format(INT64_MIN), "-292275055-05-16T16:47:04.192Z");
}

TEST(FormatTimestamp, RoundTripsThroughParse) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 5000; ++i) {
    const int64_t ms = static_cast<int64_t>(rng() % 253402300800000ULL);  // years 1970..9999
    ASSERT_EQ(ts(format(ms)), ms);
  }
}

// 'event.time.format' patterns.
int64_t pattern(std::string_view text, std::string_view p) {
  int64_t ms = 0;
  EXPECT_TRUE(parse_timestamp_pattern(text, p, ms)) << text << " as " << p;
  return ms;
}

TEST(TimestampPattern, ReadsTheFieldsThePatternNames) {
  const int64_t at = ts("2025-09-27T09:30:05.123");
  EXPECT_EQ(pattern("2025-09-27 09:30:05.123", "%Y-%m-%d %H:%M:%S%.3f"), at);
  EXPECT_EQ(pattern("2025-09-27 09:30:05.123", "%Y-%m-%d %H:%M:%S.%f"), at);
  EXPECT_EQ(pattern("2025-09-27 09:30:05.123456", "%F %T%.f"), at);
  EXPECT_EQ(pattern("27/09/2025 09:30:05", "%d/%m/%Y %H:%M:%S"), at - 123);
  EXPECT_EQ(pattern("27/9/2025 9:30:05", "%d/%m/%Y %H:%M:%S"), at - 123);  // one digit where it can be
  EXPECT_EQ(pattern("20250927093005", "%Y%m%d%H%M%S"), at - 123);          // touching fields take their width
  EXPECT_EQ(pattern("2025-09-27T11:30:05+02:00", "%Y-%m-%dT%H:%M:%S%z"), at - 123);
  EXPECT_EQ(pattern("2025-09-27T09:30:05Z", "%Y-%m-%dT%H:%M:%S%z"), at - 123);
  EXPECT_EQ(pattern("2025-09-27T04:30:05-0500", "%Y-%m-%dT%H:%M:%S%z"), at - 123);
  EXPECT_EQ(pattern("1758965405", "%s"), at - 123);
  EXPECT_EQ(pattern("1758965405.123", "%s%.3f"), at);
  EXPECT_EQ(pattern("2025-09-27", "%Y-%m-%d"), ts("2025-09-27"));
  EXPECT_EQ(pattern("Day 27 of 2025 100%", "Day %e of %Y 100%%"), ts("2025-01-27"));  // no month: January
  EXPECT_EQ(pattern("9/ 7/2025", "%m/%e/%Y"), ts("2025-09-07"));
  EXPECT_EQ(pattern("2024-02-29 00:00:00.1", "%Y-%m-%d %H:%M:%S.%f"), ts("2024-02-29T00:00:00.100"));
}

TEST(TimestampPattern, RejectsWhatDoesNotMatch) {
  int64_t ms = 0;
  for (auto [text, p] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"2025-09-27", "%Y/%m/%d"},               // another separator
           {"2025-09-27 ", "%Y-%m-%d"},              // text left over
           {"2025-09", "%Y-%m-%d"},                  // text missing
           {"2025-13-01", "%Y-%m-%d"},               // no 13th month
           {"2025-02-29", "%Y-%m-%d"},               // not a leap year
           {"2025-09-27 24:00:00", "%Y-%m-%d %H:%M:%S"},
           {"2025-09-27 09:30:05.12", "%Y-%m-%d %H:%M:%S%.3f"},  // exactly three digits
           {"2025-09-27T09:30:05+25:00", "%Y-%m-%dT%H:%M:%S%z"},
           {"25-09-27", "%Y-%m-%d"},                 // a year has four digits
           {"x", "%s"},
       }) {
    EXPECT_FALSE(parse_timestamp_pattern(text, p, ms)) << text << " as " << p;
  }
}

TEST(TimestampPattern, KnowsWhichPatternsItReads) {
  std::string bad;
  EXPECT_TRUE(valid_timestamp_pattern("%Y-%m-%d %H:%M:%S%.3f %z %% %e %T %F %s %6f", bad));
  EXPECT_FALSE(valid_timestamp_pattern("%Y-%m-%d %Q", bad));
  EXPECT_EQ(bad, "%Q");
  EXPECT_FALSE(valid_timestamp_pattern("%Y %4f", bad));
  EXPECT_EQ(bad, "%4f");
  EXPECT_FALSE(valid_timestamp_pattern("%Y %", bad));
  EXPECT_EQ(bad, "%");
}

}  // namespace
}  // namespace streamc
