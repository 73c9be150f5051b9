// ISO-8601-ish timestamp parsing: a small hand-written scanner, because
// strptime and friends depend on the locale and the process time zone.
#include "streamc/timestamp.h"

#include "streamc/text.h"

namespace streamc {
namespace {

// Reads between min and max digits at s[i...] into value.
bool read_digits(std::string_view s, size_t& i, int min, int max, int& value) {
  int count = 0;
  value = 0;
  while (i < s.size() && count < max && s[i] >= '0' && s[i] <= '9') {
    value = value * 10 + (s[i++] - '0');
    ++count;
  }
  return count >= min;
}

bool read_char(std::string_view s, size_t& i, char c) {
  if (i < s.size() && s[i] == c) {
    ++i;
    return true;
  }
  return false;
}

// Z, +HH, +HH:MM or +HHMM (or '-') at s[i...], to the end of s.
bool read_zone(std::string_view s, size_t& i, int64_t& offset_ms) {
  offset_ms = 0;
  if (i == s.size()) return true;
  if (s[i] == 'Z' || s[i] == 'z') return ++i == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  const bool negative = s[i++] == '-';
  int hours = 0;
  int minutes = 0;
  if (!read_digits(s, i, 2, 2, hours) || hours > 23) return false;
  if (i < s.size()) {
    read_char(s, i, ':');
    if (!read_digits(s, i, 2, 2, minutes) || minutes > 59) return false;
  }
  offset_ms = (hours * kMsPerHour + minutes * kMsPerMinute) * (negative ? -1 : 1);
  return i == s.size();
}

// HH:MM[:SS[.f]] at s[i...] into t.
bool read_time(std::string_view s, size_t& i, CivilTime& t) {
  if (!read_digits(s, i, 2, 2, t.hour) || t.hour > 23) return false;
  if (!read_char(s, i, ':') || !read_digits(s, i, 2, 2, t.minute) || t.minute > 59) return false;
  if (!read_char(s, i, ':')) return true;
  if (!read_digits(s, i, 2, 2, t.second) || t.second > 59) return false;
  if (!read_char(s, i, '.')) return true;
  const size_t start = i;
  int ms = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (i - start < 3) ms = ms * 10 + (s[i] - '0');
  }
  const size_t digits = i - start;
  if (digits == 0 || digits > 9) return false;
  for (size_t k = digits; k < 3; ++k) ms *= 10;
  t.millisecond = ms;
  return true;
}

bool parse_calendar(std::string_view s, int64_t& ms) {
  CivilTime t{};
  int year = 0;
  size_t i = 0;
  if (!read_digits(s, i, 4, 4, year) || !read_char(s, i, '-')) return false;
  t.year = year;
  if (!read_digits(s, i, 1, 2, t.month) || t.month < 1 || t.month > 12) return false;
  if (!read_char(s, i, '-') || !read_digits(s, i, 1, 2, t.day)) return false;
  if (t.day < 1 || t.day > days_in_month(t.year, t.month)) return false;
  int64_t offset_ms = 0;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
    ++i;
    if (!read_time(s, i, t) || !read_zone(s, i, offset_ms)) return false;
  }
  ms = ms_from_civil(t) - offset_ms;
  return true;
}

// The spelling nearly every input uses, 2025-09-27T09:30:00.123Z or
// 2025-09-27T09:30:00Z, read in one pass; false for anything else (which
// parse_calendar then reads, to the same value when it is this spelling).
bool parse_fixed(std::string_view s, int64_t& ms) {
  const size_t n = s.size();
  if (n != 24 && n != 20) return false;
  const char* p = s.data();
  if (p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[n - 1] != 'Z' ||
      (n == 24 && p[19] != '.')) {
    return false;
  }
  auto d = [p](int i) { return static_cast<unsigned>(static_cast<unsigned char>(p[i])) - unsigned{'0'}; };
  const unsigned y0 = d(0), y1 = d(1), y2 = d(2), y3 = d(3), mo0 = d(5), mo1 = d(6), d0 = d(8), d1 = d(9);
  const unsigned h0 = d(11), h1 = d(12), mi0 = d(14), mi1 = d(15), s0 = d(17), s1 = d(18);
  const unsigned f0 = n == 24 ? d(20) : 0, f1 = n == 24 ? d(21) : 0, f2 = n == 24 ? d(22) : 0;
  // A byte below '0' wraps around to a large value: one test per digit catches both sides.
  if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (mo0 > 9) | (mo1 > 9) | (d0 > 9) | (d1 > 9) | (h0 > 9) |
      (h1 > 9) | (mi0 > 9) | (mi1 > 9) | (s0 > 9) | (s1 > 9) | (f0 > 9) | (f1 > 9) | (f2 > 9)) {
    return false;
  }
  CivilTime t{};
  t.year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  t.month = static_cast<int>(mo0 * 10 + mo1);
  t.day = static_cast<int>(d0 * 10 + d1);
  t.hour = static_cast<int>(h0 * 10 + h1);
  t.minute = static_cast<int>(mi0 * 10 + mi1);
  t.second = static_cast<int>(s0 * 10 + s1);
  t.millisecond = static_cast<int>(f0 * 100 + f1 * 10 + f2);
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month) || t.hour > 23 ||
      t.minute > 59 || t.second > 59) {
    return false;
  }
  ms = ms_from_civil(t);
  return true;
}

}  // namespace

bool parse_timestamp(std::string_view text, int64_t& ms) {
  if (parse_fixed(text, ms)) return true;
  if (text.size() > 4 && text[4] == '-') return parse_calendar(text, ms);
  return parse_int64(text, ms);
}

bool looks_like_timestamp(std::string_view text) {
  int64_t ignored = 0;
  return text.size() > 4 && text[4] == '-' && parse_calendar(text, ignored);
}

}  // namespace streamc
