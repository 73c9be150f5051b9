// Parsing helpers for property values.
#include <cstdint>
#include <string>
#include <string_view>

#include "streamc/config.h"
#include "streamc/text.h"
#include "streamc/timestamp.h"

namespace streamc {

bool parse_duration_ms(std::string_view text, int64_t& ms) {
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return false;
  int64_t count = 0;
  if (!parse_int64(text.substr(0, digits), count)) return false;
  std::string unit(text.substr(digits));
  for (char& c : unit) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  int64_t factor;
  if (unit == "ms") {
    factor = 1;
  } else if (unit.empty() || unit == "s") {
    factor = kMsPerSecond;
  } else if (unit == "m") {
    factor = kMsPerMinute;
  } else if (unit == "h") {
    factor = kMsPerHour;
  } else if (unit == "d") {
    factor = kMsPerDay;
  } else {
    return false;
  }
  return !__builtin_mul_overflow(count, factor, &ms);
}

std::string resolve_path(std::string_view base_dir, std::string_view path) {
  if (path == "-" || path.starts_with('/') || base_dir.empty() || base_dir == ".") {
    return std::string(path);
  }
  while (path.starts_with("./")) path.remove_prefix(2);
  std::string joined(base_dir);
  if (!joined.ends_with('/')) joined += '/';
  joined += path;
  return joined;
}

}  // namespace streamc
