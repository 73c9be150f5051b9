// Reads a JSON line that is a flat object of plain values (numbers, strings
// without escapes, true, false, null) without simdjson: most JSON lines look
// like that, and for a short line one pass over its bytes costs less than
// simdjson's structural index and then its walk over it.
//
// Every read returns false when the reader is not sure: a nested value, an
// escape, a non-ASCII key, a value of another type than asked for, a number
// too long to read here, bad syntax. The caller then parses the line with
// simdjson, which decides, so this reader never rejects a line: whatever it
// accepts is valid JSON, read exactly as the simdjson path (json.h) reads it.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "streamc/decimal.h"
#include "streamc/json.h"
#include "streamc/scalar.h"
#include "streamc/text.h"
#include "streamc/timestamp.h"

namespace streamc {

// The hot helpers are forced inline: called once per field, a call would
// cost about as much as their work.
class FlatJson {
 public:
  // `line` is followed by at least 16 readable bytes, as every line a
  // FileReader hands out is (InputBuffer::kPadding).
  explicit FlatJson(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

  // The next key, consuming it and its ':'. False at the end of the object
  // (ended() then says whether the line was a whole object) and when unsure.
  [[gnu::always_inline]] bool next_key(std::string_view& key) {
    skip_space();
    if (!started_) {
      started_ = true;
      if (!eat('{')) return false;
      skip_space();
      if (p_ < end_ && *p_ == '}') return finish();
    } else if (p_ < end_ && *p_ == ',') {
      ++p_;
      skip_space();
    } else {
      return p_ < end_ && *p_ == '}' && finish();
    }
    if (!plain_string(key, false)) return false;
    skip_space();
    if (!eat(':')) return false;
    skip_space();
    return true;
  }
  // The object closed and nothing but whitespace followed it.
  bool ended() const { return ended_; }

  // A null value, consumed; false (nothing consumed) for any other value.
  bool null() { return literal("null"); }

  // One pass, at most 18 digits; a fraction, an exponent or more digits are
  // left to simdjson.
  bool to_int64(int64_t& out) {
    const char* p = detail::json_short_integer(p_, end_, out);
    if (p == nullptr || (p < end_ && (*p == '.' || *p == 'e' || *p == 'E'))) return false;
    p_ = p;
    return true;
  }
  bool to_int32(int32_t& out) {
    int64_t wide = 0;
    if (!to_int64(wide) || wide < INT32_MIN || wide > INT32_MAX) return false;
    out = static_cast<int32_t>(wide);
    return true;
  }
  // Without an exponent, so that the value is never out of range: both
  // readers round correctly, and agree.
  bool to_double(double& out) {
    std::string_view text;
    if (p_ < end_ && *p_ == '"') return plain_string(text, true) && parse_double(text, out);
    return number(text) && text.find_first_of("eE") == std::string_view::npos && text.size() <= 300 &&
           parse_double(text, out);
  }
  bool to_bool(bool& out) {
    if (literal("true")) {
      out = true;
    } else if (literal("false")) {
      out = false;
    } else {
      return false;
    }
    return true;
  }
  // A view of the line itself: the string has no escape.
  bool to_string(std::string_view& out) { return plain_string(out, true); }
  template <DecimalInt T>
  bool to_decimal(int precision, int scale, T& out) {
    std::string_view text;
    const bool read = p_ < end_ && *p_ == '"' ? plain_string(text, true) : number(text);
    return read && parse_decimal(text, precision, scale, out);
  }
  bool to_timestamp(int64_t& ms) {
    std::string_view text;
    if (p_ < end_ && *p_ == '"') return plain_string(text, true) && parse_timestamp(text, ms);
    return to_int64(ms);
  }
  bool to_date(int32_t& days) {
    std::string_view text;
    return to_string(text) && parse_date(text, days);
  }
  // A value nobody reads, checked all the same.
  bool skip() {
    if (p_ >= end_) return false;
    std::string_view text;
    switch (*p_) {
      case '"': return plain_string(text, true);
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number(text);
    }
  }

 private:
  static bool digit(char c) { return c >= '0' && c <= '9'; }

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
  }
  bool eat(char c) {
    if (p_ >= end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool finish() {
    ++p_;  // the '}'
    skip_space();
    ended_ = p_ == end_;
    return false;
  }
  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }
  // "..." without a backslash or a control character; other bytes must be
  // valid UTF-8 (values), or ASCII (keys). `out` is what is between the quotes.
  [[gnu::always_inline]] bool plain_string(std::string_view& out, bool any_utf8) {
    if (!eat('"')) return false;
    const char* begin = p_;
    bool ascii = true;
    bool bytewise = true;
#if defined(__SSE2__)
    // 16 bytes at a time up to the first quote, backslash, control or
    // non-ASCII byte (the last two are the bytes below 0x20 as signed
    // chars). The line's padding makes reading past its end legal; what lies
    // there is masked off.
    bytewise = false;
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    while (true) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
      const __m128i special =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), _mm_cmplt_epi8(v, space));
      auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
      const auto left = static_cast<size_t>(end_ - p_);
      if (left < 16) mask &= (1u << left) - 1;
      if (mask != 0) {
        p_ += __builtin_ctz(mask);
        bytewise = *p_ != '"';  // the rest of a string with non-ASCII bytes, one by one
        break;
      }
      if (left <= 16) return false;  // no closing quote
      p_ += 16;
    }
#endif
    if (bytewise) {
      for (; p_ < end_; ++p_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"') break;
        if (c == '\\' || c < 0x20) return false;
        ascii = ascii && c < 0x80;
      }
    }
    if (p_ == end_) return false;
    out = std::string_view(begin, static_cast<size_t>(p_ - begin));
    ++p_;
    return ascii || (any_utf8 && simdjson::validate_utf8(out.data(), out.size()));
  }
  // A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  [[gnu::always_inline]] bool number(std::string_view& text) {
    const char* begin = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ >= end_ || !digit(*p_)) return false;
    if (*p_++ != '0') {
      while (p_ < end_ && digit(*p_)) ++p_;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (p_ >= end_ || !digit(*p_)) return false;
      while (p_ < end_ && digit(*p_)) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ >= end_ || !digit(*p_)) return false;
      while (p_ < end_ && digit(*p_)) ++p_;
    }
    text = std::string_view(begin, static_cast<size_t>(p_ - begin));
    return true;
  }

  const char* p_;
  const char* end_;
  bool started_ = false;
  bool ended_ = false;
};

}  // namespace streamc
