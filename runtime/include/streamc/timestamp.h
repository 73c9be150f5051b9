// TIMESTAMP is int64_t milliseconds since 1970-01-01T00:00:00Z. Calendar math
// uses Howard Hinnant's days-from-civil algorithms (proleptic Gregorian, no
// libc time functions, no time zone database).
#pragma once

#include <cstdint>
#include <string_view>

namespace streamc {

inline constexpr int64_t kMsPerSecond = 1000;
inline constexpr int64_t kMsPerMinute = 60 * kMsPerSecond;
inline constexpr int64_t kMsPerHour = 60 * kMsPerMinute;
inline constexpr int64_t kMsPerDay = 24 * kMsPerHour;

// Division rounding toward negative infinity (b > 0): window starts and dates
// of instants before 1970 need it.
inline constexpr int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

inline constexpr int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

inline constexpr bool is_leap_year(int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

inline constexpr int days_in_month(int64_t y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of y-m-d (m 1..12, d 1..31).
inline constexpr int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                            // [0, 399]
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;    // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct CivilDate {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

inline constexpr CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;                                // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);         // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                              // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{yoe + era * 400 + (m <= 2), m, d};
}

// A broken-down UTC instant.
struct CivilTime {
  int64_t year;
  int month;        // 1..12
  int day;          // 1..31
  int hour;         // 0..23
  int minute;       // 0..59
  int second;       // 0..59
  int millisecond;  // 0..999
};

inline constexpr CivilTime civil_from_ms(int64_t ms) {
  const int64_t days = floor_div(ms, kMsPerDay);
  const int64_t rest = ms - days * kMsPerDay;
  const CivilDate date = civil_from_days(days);
  return CivilTime{date.year,
                   date.month,
                   date.day,
                   static_cast<int>(rest / kMsPerHour),
                   static_cast<int>(rest / kMsPerMinute % 60),
                   static_cast<int>(rest / kMsPerSecond % 60),
                   static_cast<int>(rest % 1000)};
}

// Inverse of civil_from_ms for in-range fields.
inline constexpr int64_t ms_from_civil(const CivilTime& t) {
  return days_from_civil(t.year, t.month, t.day) * kMsPerDay + t.hour * kMsPerHour +
         t.minute * kMsPerMinute + t.second * kMsPerSecond + t.millisecond;
}

// Accepts, with every field range-checked (leap years included):
//   YYYY-MM-DD                      (month and day may have one digit)
//   YYYY-MM-DD[T| ]HH:MM[:SS[.f]]   (1-9 fraction digits, truncated to ms)
//   ... followed by Z, +HH, +HH:MM or +HHMM (or -) after a time
//   an optionally signed integer: epoch milliseconds
// False on anything else, including surrounding spaces.
bool parse_timestamp(std::string_view text, int64_t& ms);

// A timestamp written as `pattern` says (an 'event.time.format' pattern, as
// strftime and Rust's chrono spell them): %Y year, %m month, %d day (%e: a
// leading space allowed), %H hour, %M minute, %S second, %f fraction digits
// (%3f, %6f, %9f: exactly that many), %.f / %.3f / %.6f / %.9f the same led
// by a '.', %z a UTC offset (Z, +HH, +HH:MM or +HHMM), %T = %H:%M:%S,
// %F = %Y-%m-%d, %s epoch seconds, %% a '%'; any other character matches
// itself. Numbers may have fewer digits than their width (a month of "3")
// except when fields touch ("%Y%m%d"). Fields not given default to
// 1970-01-01 00:00:00 UTC; every field is range-checked, fractions truncate
// to milliseconds. False when the text does not match all of the pattern.
bool parse_timestamp_pattern(std::string_view text, std::string_view pattern, int64_t& ms);
// Whether parse_timestamp_pattern knows every % of a pattern; else `bad`
// is the first it does not ("%Q").
bool valid_timestamp_pattern(std::string_view pattern, std::string& bad);

// True for the calendar forms parse_timestamp accepts, false for plain
// integers and everything else; schema inference uses it.
bool looks_like_timestamp(std::string_view text);

}  // namespace streamc
