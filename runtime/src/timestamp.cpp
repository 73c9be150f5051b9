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

}  // namespace

bool parse_timestamp(std::string_view text, int64_t& ms) {
  if (text.size() > 4 && text[4] == '-') return parse_calendar(text, ms);
  return parse_int64(text, ms);
}

bool looks_like_timestamp(std::string_view text) {
  int64_t ignored = 0;
  return text.size() > 4 && text[4] == '-' && parse_calendar(text, ignored);
}

}  // namespace streamc
