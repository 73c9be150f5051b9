// Quoting and escaping of strings for the JSON and CSV output formats.
#include "streamc/output.h"

namespace streamc {
namespace {

// Length of the valid UTF-8 sequence at p (0 when invalid): no overlong
// forms, no surrogates, nothing above U+10FFFF.
size_t utf8_sequence_length(const unsigned char* p, size_t avail) {
  const unsigned c = p[0];
  size_t n;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    n = 2;
  } else if (c < 0xF0) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c < 0xF5) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (avail < n || p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return n;
}

// The escape for a byte that cannot appear raw in a JSON string.
std::string_view json_escape(unsigned char c, char (&buf)[6]) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      buf[0] = '\\';
      buf[1] = 'u';
      buf[2] = '0';
      buf[3] = '0';
      buf[4] = kHex[c >> 4];
      buf[5] = kHex[c & 0xF];
      return {buf, 6};
    }
  }
}

}  // namespace

void Writer::append_json_string(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  append_char('"');
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    size_t len = c < 0x80 ? 0 : utf8_sequence_length(p + i, n - i);
    if (len > 0) {  // valid multi-byte character: part of the run
      i += len;
      continue;
    }
    append(s.substr(run, i - run));
    char buf[6];
    append(c < 0x80 ? json_escape(c, buf) : std::string_view("\\ufffd"));
    run = ++i;
  }
  append(s.substr(run));
  append_char('"');
}

void Writer::append_csv_field(std::string_view s, char sep) {
  const char special[] = {sep, '"', '\r', '\n'};
  const bool quote = s.empty() || s.front() == ' ' || s.back() == ' ' ||
                     s.find_first_of(std::string_view(special, 4)) != std::string_view::npos;
  if (!quote) {
    append(s);
    return;
  }
  append_char('"');
  for (size_t q; (q = s.find('"')) != std::string_view::npos; s.remove_prefix(q + 1)) {
    append(s.substr(0, q + 1));
    append_char('"');  // doubled
  }
  append(s);
  append_char('"');
}

}  // namespace streamc
