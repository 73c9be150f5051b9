// Text to numbers, booleans and dates, exactly as SQL casts read them.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "streamc/text.h"

namespace streamc {
namespace detail {

// from_chars reports overflow and underflow alike; strtod tells them apart
// (HUGE_VAL or 0). Only reached for numbers beyond the double range.
bool parse_double_out_of_range(std::string_view s, double& out) {
  char buf[512];
  if (s.size() >= sizeof(buf)) return false;
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  char* end = nullptr;
  errno = 0;
  out = std::strtod(buf, &end);
  return end == buf + s.size();
}

}  // namespace detail

namespace {

bool iequals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

bool parse_bool(std::string_view s, bool& out) {
  static constexpr std::string_view kTrue[] = {"true", "t", "yes", "y", "1"};
  static constexpr std::string_view kFalse[] = {"false", "f", "no", "n", "0"};
  for (std::string_view word : kTrue) {
    if (iequals(s, word)) {
      out = true;
      return true;
    }
  }
  for (std::string_view word : kFalse) {
    if (iequals(s, word)) {
      out = false;
      return true;
    }
  }
  return false;
}

}  // namespace streamc
