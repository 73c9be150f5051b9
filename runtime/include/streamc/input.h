// Record readers over InputBuffer: FileReader yields lines (JSON lines, raw
// text), CsvReader yields RFC 4180 records. Both hand out views into their
// buffer, valid until the next call, and allocate nothing once warmed up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/input_buffer.h"

namespace streamc {

class FileReader {
 public:
  static constexpr size_t kPadding = InputBuffer::kPadding;
  static constexpr size_t kDefaultBufferSize = InputBuffer::kDefaultCapacity;

  explicit FileReader(size_t buffer_size = kDefaultBufferSize) : in_(buffer_size) {}

  // "-" reads standard input.
  bool open(const std::string& path, std::string& error) {
    line_ = 0;
    return in_.open(path, error);
  }
  void open_fd(int fd, bool owned, std::string name) {
    line_ = 0;
    in_.open_fd(fd, owned, std::move(name));
  }
  void close() { in_.close(); }

  // The next line without its '\n' and without a trailing '\r'; the last
  // line is returned even without a newline. Empty lines are returned too.
  // line.data() + line.size() + kPadding is readable, so the line can be
  // given to simdjson as a padded_string_view in place. False at end of
  // input or on a read error (see error()).
  bool next_line(std::string_view& line);
  // Follow mode, for a file another program appends to: only whole lines
  // (ending in '\n'); a partial last line stays buffered until the rest
  // arrives. At the end it looks once more for new bytes; false when there is
  // no whole line yet, and later calls continue where this one stopped.
  bool next_whole_line(std::string_view& line);
  // Call before open() when the file will be followed: it is read, not mapped.
  void set_follow(bool follow) { in_.set_mappable(!follow); }
  // A mapped file: the lines returned stay valid until close().
  bool mapped() const { return in_.mapped(); }
  // A mapped file: the rest of it at once, for a reader that splits it into
  // chunks itself (see line_scan.h). next_line() then returns false.
  std::string_view take_mapped() { return in_.take_mapped(); }

  // 1-based number of the line last returned.
  uint64_t line_number() const { return line_; }
  const std::string& error() const { return in_.error(); }

 private:
  InputBuffer in_;
  uint64_t line_ = 0;
};

// One CSV field. A quoted field may be empty and still differs from NULL.
struct CsvField {
  std::string_view text;
  bool quoted;
};

// An unquoted empty field is SQL NULL.
inline bool csv_is_null(const CsvField& f) { return !f.quoted && f.text.empty(); }

enum class CsvStatus { Record, End, Malformed };

class CsvReader {
 public:
  static constexpr size_t kDefaultBufferSize = InputBuffer::kDefaultCapacity;
  // A quoted field still open after this many bytes is treated as an
  // unbalanced quote rather than read to the end of the file.
  static constexpr size_t kDefaultMaxRecordSize = size_t{16} << 20;

  explicit CsvReader(size_t buffer_size = kDefaultBufferSize,
                     size_t max_record_size = kDefaultMaxRecordSize)
      : in_(buffer_size), max_record_size_(max_record_size) {}

  // "-" reads standard input; sep is ',' or e.g. '\t' or ';'.
  bool open(const std::string& path, std::string& error, char sep = ',');
  void open_fd(int fd, bool owned, std::string name, char sep = ',');
  // Records in memory (a chunk of a mapped file, see csv_scan.h): views of
  // fields stay valid until close(), those of unescaped fields included.
  void open_memory(std::string_view bytes, std::string name, char sep = ',');
  void close() { in_.close(); }
  // A mapped file: the bytes after what was read so far (the header), handed
  // over at once; next() then returns End.
  std::string_view take_mapped() { return in_.take_mapped(); }
  bool mapped() const { return in_.mapped(); }
  // Lines read so far, including the one a record in progress started on.
  uint64_t lines_read() const { return next_line_ - 1; }
  // Records in memory (open_memory): the bytes not read yet; skip_line()
  // passes over a record read from them by other means (a line without
  // quotes, csv_record.h): `bytes` through its line end, `record` its text.
  std::string_view unread() const { return {in_.data(), in_.size()}; }
  void skip_line(size_t bytes, std::string_view record) {
    record_line_ = next_line_;
    next_line_ += bytes > record.size() && in_.data()[bytes - 1] == '\n';
    raw_ = record;
    in_.consume(bytes);
  }

  // Record: `fields` holds the record's fields (the vector is cleared and
  // refilled; keep reusing it). Malformed: the record is skipped; see
  // error_reason() and raw_record(). End: end of input, or a read error when
  // io_error() is non-empty. Empty lines are skipped. Views stay valid until
  // the next call.
  CsvStatus next(std::vector<CsvField>& fields);
  // Follow mode, for a file another program appends to: a record cut off at
  // the end is not read until the rest arrives; at the end next() looks once
  // more for new bytes and returns End when there is no whole record yet.
  // Call before open(): a followed file is read, not mapped.
  void set_follow(bool follow) {
    follow_ = follow;
    in_.set_mappable(!follow);
  }

  // Line on which the last record (or malformed record) started.
  uint64_t line_number() const { return record_line_; }
  // The record's raw text without its line terminator (for dead letters).
  std::string_view raw_record() const { return raw_; }
  std::string_view error_reason() const { return reason_; }
  const std::string& io_error() const { return in_.error(); }

 private:
  enum class Step { Record, NeedMore, Malformed };
  struct Span {
    size_t offset;
    size_t length;
    bool in_scratch;
    bool quoted;
  };

  Step parse(bool eof);
  Step parse_quoted(size_t& i, bool eof);
  Step end_of_line(size_t i, bool eof);
  Step malformed_line(const char* reason, size_t from, bool eof);
  void reset_record();

  InputBuffer in_;
  size_t max_record_size_;
  char sep_ = ',';
  std::vector<Span> spans_;
  std::string scratch_;  // unescaped text of fields with doubled quotes
  uint64_t next_line_ = 1;
  uint64_t record_line_ = 0;
  size_t record_bytes_ = 0;  // bytes of the parsed record incl. terminator
  size_t lines_in_record_ = 0;
  std::string_view raw_;
  bool follow_ = false;
  bool keep_scratch_ = false;  // open_memory(): unescaped fields stay valid
  const char* reason_ = "";
};

}  // namespace streamc
