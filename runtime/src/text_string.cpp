// String functions that copy into an Arena, and code-point-aware trimming.
#include <cstring>

#include "streamc/text.h"

namespace streamc {
namespace {

template <char From, char To>
std::string_view map_ascii_range(Arena& arena, std::string_view s) {
  if (s.empty()) return {};
  char* out = arena.alloc(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    out[i] = (c >= From && c <= From + 25) ? static_cast<char>(c - From + To) : c;
  }
  return {out, s.size()};
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length of the code point starting at s[i] (1 for stray bytes).
size_t code_point_length(std::string_view s, size_t i) {
  size_t n = 1;
  while (i + n < s.size() && is_continuation(s[i + n])) ++n;
  return n;
}

// A whole code point's bytes can only occur in valid UTF-8 at a boundary,
// so a plain substring search tests set membership.
bool in_set(std::string_view chars, std::string_view code_point) {
  return chars.find(code_point) != std::string_view::npos;
}

size_t leading_set_bytes(std::string_view s, std::string_view chars) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = code_point_length(s, i);
    if (!in_set(chars, s.substr(i, n))) break;
    i += n;
  }
  return i;
}

size_t trailing_set_start(std::string_view s, std::string_view chars) {
  size_t end = s.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && is_continuation(s[start])) --start;
    if (!in_set(chars, s.substr(start, end - start))) break;
    end = start;
  }
  return end;
}

}  // namespace

std::string_view ascii_upper(Arena& arena, std::string_view s) {
  return map_ascii_range<'a', 'A'>(arena, s);
}

std::string_view ascii_lower(Arena& arena, std::string_view s) {
  return map_ascii_range<'A', 'a'>(arena, s);
}

std::string_view concat(Arena& arena, std::initializer_list<std::string_view> parts) {
  size_t total = 0;
  for (std::string_view p : parts) total += p.size();
  if (total == 0) return {};
  char* out = arena.alloc(total);
  char* w = out;
  for (std::string_view p : parts) {
    if (!p.empty()) std::memcpy(w, p.data(), p.size());
    w += p.size();
  }
  return {out, total};
}

std::string_view ltrim(std::string_view s, std::string_view chars) {
  return s.substr(leading_set_bytes(s, chars));
}

std::string_view rtrim(std::string_view s, std::string_view chars) {
  return s.substr(0, trailing_set_start(s, chars));
}

std::string_view trim(std::string_view s, std::string_view chars) {
  return rtrim(ltrim(s, chars), chars);
}

}  // namespace streamc
