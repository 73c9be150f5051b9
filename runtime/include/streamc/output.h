// Buffered record output to a file or stdout. Generated code appends the
// fields of a record and calls end_record(); the buffer is written out only
// at record boundaries, so a stopped program never leaves half a record.
// Write errors are recorded (ok(), error()), never thrown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "streamc/decimal.h"
#include "streamc/format.h"

namespace streamc {

namespace detail {
class WriteBehind;
}

class Writer {
 public:
  static constexpr size_t kDefaultBufferSize = 256 * 1024;

  // Records are written out once this many bytes are buffered.
  explicit Writer(size_t buffer_size = kDefaultBufferSize);
  ~Writer();  // flushes and closes
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Creates or truncates path (creating missing parent directories); "-" is
  // standard output. Error text: cannot open 'out/x.csv': Permission denied.
  bool open(const std::string& path, std::string& error);
  // Writes to an open descriptor; closes it at close() when owned.
  void open_fd(int fd, bool owned, std::string name);
  bool is_open() const { return fd_ >= 0; }
  // With `on`, a full buffer is written out by a thread of the writer's own
  // while records go on into a second buffer; the bytes and their order are
  // the same. For programs that may use more than one thread.
  void write_behind(bool on);

  void append(std::string_view s) {
    char* p = reserve(s.size());
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    len_ += s.size();
  }
  void append_char(char c) {
    *reserve(1) = c;
    ++len_;
  }
  void append_int(int64_t v) { len_ += format_int(reserve(kMaxFormattedLength), v); }
  void append_double(double v) { len_ += format_double(reserve(kMaxFormattedLength), v); }
  // JSON has no NaN or Infinity: those are written as the strings "NaN",
  // "Infinity" and "-Infinity" (which streamc's JSON reader accepts back).
  void append_json_double(double v) {
    if (v - v == 0) {  // finite
      append_double(v);
    } else {
      append_char('"');
      append_double(v);
      append_char('"');
    }
  }
  void append_decimal(int64_t v, int scale) {
    len_ += format_decimal(reserve(kMaxFormattedLength), v, scale);
  }
  void append_decimal(i128 v, int scale) {
    len_ += format_decimal(reserve(kMaxFormattedLength), v, scale);
  }
  // Rows in a row often carry the same instant (a window's bounds): its text is kept.
  void append_timestamp(int64_t ms) {
    if (ms != last_timestamp_ || last_timestamp_length_ == 0) {
      last_timestamp_length_ = format_timestamp(last_timestamp_text_, ms);
      last_timestamp_ = ms;
    }
    std::memcpy(reserve(kMaxFormattedLength), last_timestamp_text_, last_timestamp_length_);
    len_ += last_timestamp_length_;
  }
  void append_bool(bool v) { append(format_bool(v)); }

  // A JSON string literal: quotes, \" \\ \n \r \t \b \f, \u00XX for other
  // control characters. Valid UTF-8 is copied as is; invalid bytes become
  // \ufffd so the output is always valid JSON.
  void append_json_string(std::string_view s);

  // An RFC 4180 field, quoted (quotes doubled) when it contains sep, '"',
  // CR or LF, starts or ends with a space, or is empty: an empty string is
  // "" so that it differs from NULL, which the caller writes as nothing.
  void append_csv_field(std::string_view s, char sep = ',');

  // Terminates the record with '\n' and writes the buffer out once it holds
  // buffer_size bytes.
  void end_record() {
    append_char('\n');
    if (len_ >= threshold_) hand_off();
  }

  // Writes everything buffered (whole records only if used as intended) and
  // returns once it is written.
  void flush();
  // Flushes, then closes the descriptor when owned.
  void close();

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  // Room for n more bytes; grows only for records larger than the buffer.
  char* reserve(size_t n) {
    if (capacity_ - len_ < n) grow(n);
    return buf_.get() + len_;
  }
  void grow(size_t n);
  // Starts writing the buffer out: on the write-behind thread when there is
  // one (returning at once), otherwise here.
  void hand_off();
  void write_now(const char* data, size_t n);
  void note_error(int error);

  std::unique_ptr<char[]> buf_;
  size_t capacity_;
  size_t threshold_;
  size_t len_ = 0;
  int64_t last_timestamp_ = 0;  // the instant append_timestamp wrote last, and its text
  size_t last_timestamp_length_ = 0;
  char last_timestamp_text_[kMaxFormattedLength];
  int fd_ = -1;
  bool owned_ = false;
  std::string name_;
  std::string error_;
  std::unique_ptr<detail::WriteBehind> behind_;
  std::unique_ptr<char[]> spare_;  // filled while buf_ is written behind
  size_t spare_capacity_ = 0;
};

}  // namespace streamc
