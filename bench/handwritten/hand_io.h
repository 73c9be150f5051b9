// What the hand-written baselines share, written as a careful engineer
// would without streamc's runtime: a line reader that leaves the padding
// simdjson On-Demand needs after each line, decimals in cents, and a 1 MiB
// output buffer. Each program sets g_program first, for its messages.
#pragma once

#include <simdjson.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace hand {

inline const char* g_program = "hand";

[[noreturn]] inline void die(const char* what, const char* detail) {
  std::fprintf(stderr, "%s: %s: %s\n", g_program, what, detail);
  std::exit(1);
}

// Hands out the lines of a file, read in chunks; the bytes of a line are
// followed by at least SIMDJSON_PADDING readable bytes.
class LineReader {
 public:
  explicit LineReader(const char* path)
      : file_(std::fopen(path, "rb")), buf_(kChunk + simdjson::SIMDJSON_PADDING) {
    if (!file_) die(path, std::strerror(errno));
  }
  ~LineReader() { std::fclose(file_); }

  bool next(std::string_view& line) {
    while (true) {
      char* start = buf_.data() + pos_;
      if (char* nl = static_cast<char*>(std::memchr(start, '\n', end_ - pos_))) {
        line = {start, static_cast<size_t>(nl - start)};
        pos_ = nl + 1 - buf_.data();
        return true;
      }
      if (eof_) {
        line = {start, end_ - pos_};
        pos_ = end_;
        return !line.empty();
      }
      std::memmove(buf_.data(), start, end_ - pos_);  // keep the partial line, read more
      end_ -= pos_;
      pos_ = 0;
      if (end_ + kChunk > buf_.size() - simdjson::SIMDJSON_PADDING)
        buf_.resize(end_ + kChunk + simdjson::SIMDJSON_PADDING);
      const size_t n = std::fread(buf_.data() + end_, 1, kChunk, file_);
      if (n == 0 && std::ferror(file_)) die("read", std::strerror(errno));
      eof_ = n == 0;
      end_ += n;
    }
  }

 private:
  static constexpr size_t kChunk = 1 << 20;
  FILE* file_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
};

// "123.4" → 12340: a decimal with up to 2 fraction digits, in cents.
inline int64_t parse_cents(std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  const bool negative = p < end && *p == '-';
  int64_t whole = 0, frac = 0;
  auto r = std::from_chars(p + negative, end, whole);
  if (r.ec != std::errc()) die("not a decimal", std::string(s).c_str());
  int digits = 0;
  if (r.ptr < end && *r.ptr == '.') {
    for (p = r.ptr + 1; p < end && *p >= '0' && *p <= '9' && digits < 2; ++p, ++digits)
      frac = frac * 10 + (*p - '0');
  }
  if (digits == 1) frac *= 10;
  const int64_t cents = whole * 100 + frac;
  return negative ? -cents : cents;
}

// Output: a 1 MiB buffer, written out with fwrite whenever it is full.
class Output {
 public:
  explicit Output(const char* path) : file_(std::fopen(path, "wb")), buf_(1 << 20) {
    if (!file_) die(path, std::strerror(errno));
  }
  void close() {
    flush();
    if (std::fclose(file_) != 0) die("close", std::strerror(errno));
  }
  void flush() {
    if (std::fwrite(buf_.data(), 1, len_, file_) != len_) die("write", std::strerror(errno));
    len_ = 0;
  }
  // Room for n more bytes.
  char* room(size_t n) {
    if (len_ + n > buf_.size()) {
      flush();
      if (n > buf_.size()) buf_.resize(n);
    }
    return buf_.data() + len_;
  }
  void end_line() { put('\n'); }
  void put(char c) {
    *room(1) = c;
    ++len_;
  }
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    len_ += s.size();
  }
  void put_int(int64_t v) {
    char* p = room(20);
    len_ += std::to_chars(p, p + 20, v).ptr - p;
  }
  void put_cents(int64_t v) {  // 2 fraction digits, always
    if (v < 0) put('-');
    const uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    put_int(static_cast<int64_t>(m / 100));
    put('.');
    put(static_cast<char>('0' + m % 100 / 10));
    put(static_cast<char>('0' + m % 10));
  }
  void put_json_string(std::string_view s) {  // input strings are valid UTF-8 (simdjson checks)
    put('"');
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') {
        put('\\');
        put(static_cast<char>(c));
      } else if (c >= 0x20) {
        put(static_cast<char>(c));
      } else {  // a control character: \n \r \t \b \f by name, the others as \u00XX
        const size_t named = std::string_view("\n\r\t\b\f").find(static_cast<char>(c));
        if (named != std::string_view::npos) {
          put('\\');
          put("nrtbf"[named]);
        } else {
          put("\\u00");
          put("0123456789abcdef"[c >> 4]);
          put("0123456789abcdef"[c & 15]);
        }
      }
    }
    put('"');
  }

 private:
  FILE* file_;
  std::vector<char> buf_;
  size_t len_ = 0;
};

}  // namespace hand
