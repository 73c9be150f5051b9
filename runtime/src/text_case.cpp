// UPPER and LOWER over UTF-8: ASCII takes a fast path; other characters are
// decoded, mapped with the C library's Unicode tables (the C.UTF-8 locale,
// simple one-to-one case mappings) and encoded again.
#include <locale.h>
#include <wctype.h>

#include "streamc/text.h"

namespace streamc {
namespace {

locale_t unicode_locale() {
  static locale_t locale = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    return l ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(0));
  }();
  return locale;
}

// Decodes one code point at s[i]; invalid bytes come back as themselves (len 1).
char32_t decode(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n <= 1 || i + n > s.size()) {
    len = 1;
    return n == 1 ? c : 0xFFFFFFFF;
  }
  char32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFFFFFF;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  len = n;
  return cp;
}

size_t encode(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

std::string_view map_case(Arena& arena, std::string_view s, bool upper) {
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return upper ? ascii_upper(arena, s) : ascii_lower(arena, s);
  // A simple mapping never needs more than 4 bytes for a code point, and
  // an invalid byte is copied as it is.
  char* out = arena.alloc(s.size() * 2 + 4);
  size_t n = 0;
  locale_t locale = unicode_locale();
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t cp = decode(s, i, len);
    if (cp == 0xFFFFFFFF) {
      out[n++] = s[i];
    } else {
      wint_t mapped = upper ? towupper_l(static_cast<wint_t>(cp), locale) : towlower_l(static_cast<wint_t>(cp), locale);
      n += encode(static_cast<char32_t>(mapped), out + n);
    }
    i += len;
  }
  return {out, n};
}

}  // namespace

std::string_view utf8_upper(Arena& arena, std::string_view s) { return map_case(arena, s, true); }
std::string_view utf8_lower(Arena& arena, std::string_view s) { return map_case(arena, s, false); }

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace streamc
