// Out-of-line scalar functions: rounding doubles, dates to and from text.
#include "streamc/scalar.h"

#include <cstdio>

#include "streamc/timestamp.h"

namespace streamc {

double round_double(double v, int64_t digits) {
  if (!std::isfinite(v)) return v;
  if (digits > 308) return v;
  double factor = std::pow(10.0, static_cast<double>(digits));
  if (!std::isfinite(factor) || factor == 0) return v;
  double scaled = v * factor;
  if (!std::isfinite(scaled)) return v;
  return std::round(scaled) / factor;
}

bool parse_date(std::string_view text, int32_t& days) {
  int64_t ms = 0;
  if (!parse_timestamp(text, ms)) return false;
  int64_t d = floor_div(ms, kMsPerDay);
  if (d < INT32_MIN || d > INT32_MAX) return false;
  days = static_cast<int32_t>(d);
  return true;
}

size_t format_date(char* out, int32_t days) {
  CivilDate c = civil_from_days(days);
  return static_cast<size_t>(
      std::snprintf(out, 32, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day));
}

std::string_view date_to_text(Arena& arena, int32_t days) {
  char* p = arena.alloc(32);
  return {p, format_date(p, days)};
}

}  // namespace streamc
