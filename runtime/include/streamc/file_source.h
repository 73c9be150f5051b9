// A file source as its run-time properties describe it: where the file is
// ('<name>.path'), how long to wait for it ('.file.wait.timeout',
// '.file.retry.interval'), whether it is followed as it grows ('.watch') and
// what happens to its bad records ('.on.error', '.dlq.path'). Table loaders
// and stream scans open their files through it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/config.h"
#include "streamc/counters.h"
#include "streamc/errors.h"
#include "streamc/input.h"

namespace streamc {

class FileSource {
 public:
  // Reads the source's properties; `query_dir` resolves the query's own
  // relative paths (those given with --set resolve against the working
  // directory). Only a table's file is watched (`table`): a stream reading
  // the same file reads it once. False with a message on a bad value.
  bool configure(const Config& config, std::string_view name, std::string_view query_dir, bool table,
                 std::string& error);

  // Waits for the file when the properties say so, then opens it. A watched
  // file is followed as it grows (read, not mapped).
  bool open(FileReader& reader, std::string& error);
  bool open(CsvReader& reader, std::string& error);

  const std::string& name() const { return name_; }
  // The path as the query or --set gave it: messages name the file this way.
  const std::string& shown() const { return shown_; }
  bool watch() const { return watch_; }
  // A CSV file's field separator ('<name>.delimiter').
  char delimiter() const { return delimiter_; }
  BadRecordHandler& bad() { return *bad_; }

  // Adds the records skipped or dead-lettered since the last call.
  void count_skipped(Counters& counters) {
    counters.skipped += bad_->skipped() - counted_;
    counted_ = bad_->skipped();
  }

 private:
  bool wait(std::string& error) const;

  std::string name_;
  std::string shown_;
  std::string path_;
  std::string wait_timeout_;
  std::string retry_interval_;
  bool watch_ = false;
  char delimiter_ = ',';
  std::unique_ptr<BadRecordHandler> bad_;
  uint64_t counted_ = 0;
};

// Reads a CSV file's header line into `header`; false with a message naming
// the file when there is none.
bool read_csv_header(CsvReader& reader, std::string_view shown, std::vector<CsvField>& header, std::string& error);

// Finds each of `names` in a CSV header, by name (exact, then ignoring ASCII
// case): pos[i] is the field of names[i], and pos[n] is -1. False with a
// message naming the file when a column is missing.
bool find_csv_columns(const std::vector<CsvField>& header, std::string_view shown, const std::string_view* names,
                      size_t n, int* pos, std::string& error);

// Where the fields of a CSV file's records go, found once from its header.
struct CsvLayout {
  char sep = ',';
  size_t width = 0;               // fields per record: the header's
  std::vector<int> pos;           // per column read: its field; then -1
  std::vector<int> column_of;     // per field: the column it holds, or -1
  std::vector<int> value_pos;     // a table's non-key columns: their fields; then -1
  std::vector<char> value_field;  // per field: 1 when it holds one of them
  bool values = false;            // there are some (a table's file)
};

// pos and value_pos end with -1 (find_csv_columns); value_pos may be null.
CsvLayout csv_layout(char sep, size_t width, const int* pos, const int* value_pos);

// Whether a table's record has a value in some non-key column (value_pos:
// their fields, then -1); without one it deletes its key.
inline bool csv_has_value(const std::vector<CsvField>& fields, const int* value_pos) {
  for (size_t i = 0; value_pos[i] >= 0; ++i) {
    if (!csv_is_null(fields[value_pos[i]])) return true;
  }
  return false;
}

// Why a CSV record that is not as wide as its file's header is bad.
inline constexpr std::string_view kCsvWidthMismatch = "the record does not have as many fields as the header";

// A CSV record as reader.next(fields) returned it (`status`), parsed into
// `row` by parse(fields, pos, row, reason) when it is well formed and as wide
// as the header (`width` fields); otherwise false with the reason.
template <class Parse, class Row>
bool parse_csv_record(CsvReader& reader, CsvStatus status, const std::vector<CsvField>& fields, size_t width,
                      Parse&& parse, const int* pos, Row& row, std::string_view& reason) {
  if (status == CsvStatus::Malformed) {
    reason = reader.error_reason();
    return false;
  }
  if (fields.size() != width) {
    reason = kCsvWidthMismatch;
    return false;
  }
  return parse(fields.data(), pos, row, reason);
}

}  // namespace streamc
