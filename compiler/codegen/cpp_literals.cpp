// C++ spellings of SQL values: string and 128-bit literals, text safe inside a comment.
#include "codegen/cpp_literals.h"

#include <charconv>
#include <cmath>

namespace streamc {
namespace {

void escape_into(std::string& out, std::string_view s) {
  static const char* kOctal = "01234567";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '?': out += "\\?"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          // Always three octal digits, so a following digit cannot join the escape.
          out += '\\';
          out += kOctal[(c >> 6) & 7];
          out += kOctal[(c >> 3) & 7];
          out += kOctal[c & 7];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

}  // namespace

std::string cpp_string_literal(std::string_view s) {
  std::string out = "\"";
  escape_into(out, s);
  out += "\"sv";
  return out;
}

std::string cpp_c_string(std::string_view s) {
  std::string out = "\"";
  escape_into(out, s);
  out += '"';
  return out;
}

std::string cpp_char_literal(char c) {
  std::string body;
  if (c == '\'') body = "\\'";
  else if (c == '"') body = "\"";
  else escape_into(body, std::string_view(&c, 1));
  return "'" + body + "'";
}

std::string comment_text(std::string_view sql) {
  std::string out = "`";
  for (unsigned char c : sql) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c < 0x20 || c == 0x7f) {
      out += '?';
      continue;
    }
    if (c == ' ' && out.back() == ' ') continue;
    out += static_cast<char>(c);
  }
  if (out.size() > 100) out = out.substr(0, 97) + "...";
  // Never end in a backslash (a line splice) nor leave `??` before it.
  out += '`';
  std::string safe;
  for (size_t i = 0; i < out.size(); ++i) {
    safe += out[i];
    if (out[i] == '?' && i + 1 < out.size() && out[i + 1] == '?') safe += ' ';
  }
  return safe;
}

std::string json_quote(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string int128_literal(__int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) {
    int64_t small = static_cast<int64_t>(v);
    if (small == INT64_MIN) return "streamc::i128(INT64_MIN)";
    return "streamc::i128(" + std::to_string(small) + ")";
  }
  // Built from two 64-bit halves: C++ has no 128-bit literals.
  unsigned __int128 u = static_cast<unsigned __int128>(v);
  uint64_t hi = static_cast<uint64_t>(u >> 64), lo = static_cast<uint64_t>(u);
  return "static_cast<streamc::i128>((static_cast<unsigned __int128>(UINT64_C(" + std::to_string(hi) +
         ")) << 64) | UINT64_C(" + std::to_string(lo) + "))";
}

std::string double_literal(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, end);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

}  // namespace streamc
