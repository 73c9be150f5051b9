// SQL LIKE as the classic wildcard matcher: walk both strings, remember the
// last '%' and where the text stood then, and on a mismatch retry from there
// with the '%' swallowing one more code point. No recursion, O(|s|*|p|) worst
// case.
#include "streamc/text.h"

namespace streamc {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t next_code_point(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && is_continuation(s[i])) ++i;
  return i;
}

char fold_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

template <bool kFoldCase>
bool match(std::string_view s, std::string_view p, char escape) {
  size_t si = 0;
  size_t pi = 0;
  size_t star_p = std::string_view::npos;  // pattern index just after the last '%'
  size_t star_s = 0;                       // text index that '%' was tried at
  while (si < s.size()) {
    if (pi < p.size()) {
      char c = p[pi];
      const bool escaped = escape != '\0' && c == escape;
      if (!escaped && c == '%') {
        star_p = ++pi;
        star_s = si;
        continue;
      }
      if (!escaped && c == '_') {
        si = next_code_point(s, si);
        ++pi;
        continue;
      }
      if (escaped) {
        if (pi + 1 == p.size()) return false;
        c = p[pi + 1];
      }
      const bool same = kFoldCase ? fold_ascii(s[si]) == fold_ascii(c) : s[si] == c;
      if (same) {
        ++si;
        pi += escaped ? 2 : 1;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    pi = star_p;
    star_s = next_code_point(s, star_s);
    si = star_s;
  }
  while (pi < p.size() && p[pi] == '%' && p[pi] != escape) ++pi;
  return pi == p.size();
}

}  // namespace

bool like_match(std::string_view s, std::string_view pattern, char escape) {
  return match<false>(s, pattern, escape);
}

bool ilike_match(std::string_view s, std::string_view pattern, char escape) {
  return match<true>(s, pattern, escape);
}

}  // namespace streamc
