// Timestamps in a pattern of the query's choosing ('event.time.format'),
// read field by field as the pattern says.
#include <cstdint>
#include <string>
#include <string_view>

#include "streamc/timestamp.h"

namespace streamc {
namespace {

// What a % names, with the widths of its number.
struct Field {
  char kind = 0;     // Y m d H M S f z s, or 0 for a literal character
  int min_digits = 1;
  int max_digits = 2;
  bool dot = false;  // %.f: a '.' first
  size_t length = 0; // characters of the pattern it takes
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The field at pattern[i] (a '%'); kind 0 when it is not known.
Field field_at(std::string_view pattern, size_t i) {
  Field f;
  size_t j = i + 1;
  if (j < pattern.size() && pattern[j] == '.') {
    f.dot = true;
    ++j;
  }
  int width = 0;
  if (j < pattern.size() && is_digit(pattern[j])) width = pattern[j++] - '0';
  if (j >= pattern.size()) return f;
  const char c = pattern[j];
  f.length = j + 1 - i;
  if (c == 'f') {
    if (width != 0 && width != 3 && width != 6 && width != 9) return f;
    f.kind = 'f';
    f.min_digits = width ? width : 1;
    f.max_digits = width ? width : 9;
    return f;
  }
  if (f.dot || width != 0) return f;
  switch (c) {
    case 'Y': f = {'Y', 4, 4, false, 2}; break;
    case 'm': case 'd': case 'H': case 'M': case 'S': f = {c, 1, 2, false, 2}; break;
    case 'e': f = {'d', 1, 2, false, 2}; break;
    case 'z': f = {'z', 0, 0, false, 2}; break;
    case 's': f = {'s', 1, 19, false, 2}; break;
    case 'T': case 'F': case '%': f = {c, 0, 0, false, 2}; break;
    default: break;
  }
  return f;
}

// Whether the pattern's next item is a number right after this one.
bool number_follows(std::string_view pattern, size_t next) {
  if (next >= pattern.size() || pattern[next] != '%') return false;
  const Field f = field_at(pattern, next);
  return f.kind != 0 && f.kind != 'z' && f.kind != '%' && f.kind != 'T' && f.kind != 'F' && !f.dot;
}

// Up to `max` digits (at least `min`) from text[pos]; false when fewer.
bool read_number(std::string_view text, size_t& pos, int min, int max, int64_t& value, int& digits) {
  value = 0;
  digits = 0;
  while (pos < text.size() && digits < max && is_digit(text[pos])) {
    value = value * 10 + (text[pos++] - '0');
    ++digits;
  }
  return digits >= min;
}

// Z, +HH, +HH:MM or +HHMM (or -): the offset in minutes.
bool read_offset(std::string_view text, size_t& pos, int64_t& minutes) {
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
    minutes = 0;
    return true;
  }
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return false;
  const bool negative = text[pos++] == '-';
  int64_t h = 0, m = 0;
  int digits = 0;
  if (!read_number(text, pos, 2, 2, h, digits) || h > 23) return false;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (pos < text.size() && is_digit(text[pos]) && (!read_number(text, pos, 2, 2, m, digits) || m > 59)) return false;
  minutes = (negative ? -1 : 1) * (h * 60 + m);
  return true;
}

}  // namespace

bool valid_timestamp_pattern(std::string_view pattern, std::string& bad) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') continue;
    const Field f = field_at(pattern, i);
    if (f.kind == 0) {
      bad = std::string(pattern.substr(i, f.length ? f.length : 2));
      return false;
    }
    i += f.length - 1;
  }
  return true;
}

bool parse_timestamp_pattern(std::string_view text, std::string_view pattern, int64_t& ms) {
  int64_t year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, milli = 0, offset = 0;
  bool epoch = false;
  int64_t epoch_seconds = 0;
  size_t pos = 0;
  // %T and %F are short for the patterns they stand for.
  std::string expanded;
  if (pattern.find("%T") != std::string_view::npos || pattern.find("%F") != std::string_view::npos) {
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '%' && i + 1 < pattern.size() && (pattern[i + 1] == 'T' || pattern[i + 1] == 'F')) {
        expanded += pattern[i + 1] == 'T' ? "%H:%M:%S" : "%Y-%m-%d";
        ++i;
      } else {
        expanded += pattern[i];
        if (pattern[i] == '%' && i + 1 < pattern.size()) expanded += pattern[++i];
      }
    }
    pattern = expanded;
  }
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] != '%') {
      if (pos >= text.size() || text[pos] != pattern[i]) return false;
      ++pos;
      ++i;
      continue;
    }
    const Field f = field_at(pattern, i);
    if (f.kind == 0) return false;
    const size_t next = i + f.length;
    const bool touching = number_follows(pattern, next);
    int64_t value = 0;
    int digits = 0;
    switch (f.kind) {
      case '%':
        if (pos >= text.size() || text[pos] != '%') return false;
        ++pos;
        break;
      case 'z':
        if (!read_offset(text, pos, offset)) return false;
        break;
      case 'f': {
        if (f.dot && (pos >= text.size() || text[pos++] != '.')) return false;
        if (!read_number(text, pos, f.min_digits, f.max_digits, value, digits)) return false;
        for (int d = digits; d < 3; ++d) value *= 10;
        for (int d = digits; d > 3; --d) value /= 10;
        milli = value;
        break;
      }
      default: {
        if (f.kind == 'd' && pattern[i + 1] == 'e' && pos < text.size() && text[pos] == ' ') ++pos;
        const bool negative_epoch = f.kind == 's' && pos < text.size() && text[pos] == '-';
        if (negative_epoch) ++pos;
        const int min = touching ? f.max_digits : f.min_digits;
        if (!read_number(text, pos, f.kind == 's' ? 1 : min, f.max_digits, value, digits)) return false;
        switch (f.kind) {
          case 'Y': year = value; break;
          case 'm': month = value; break;
          case 'd': day = value; break;
          case 'H': hour = value; break;
          case 'M': minute = value; break;
          case 'S': second = value; break;
          case 's':
            epoch = true;
            epoch_seconds = negative_epoch ? -value : value;
            break;
        }
      }
    }
    i = next;
  }
  if (pos != text.size()) return false;
  if (epoch) {
    ms = epoch_seconds * kMsPerSecond + milli - offset * kMsPerMinute;
    return true;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, static_cast<int>(month)) || hour > 23 ||
      minute > 59 || second > 59) {
    return false;
  }
  ms = ms_from_civil({year, static_cast<int>(month), static_cast<int>(day), static_cast<int>(hour),
                      static_cast<int>(minute), static_cast<int>(second), static_cast<int>(milli)}) -
       offset * kMsPerMinute;
  return true;
}

}  // namespace streamc
