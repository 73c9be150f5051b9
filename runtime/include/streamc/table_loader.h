// Loads a table from its file and, when '<name>.watch' is true, applies the
// rows appended while the streams run: each record upserts its row under
// its key, or deletes the key when every non-key column is NULL. The same
// for every table; the generated program supplies a Spec per table:
//
//   struct UsersTable {
//     using Row = UsersRow;                 // the generated row struct
//     using Key = std::string_view;         // or a std::tuple of the key columns
//     static constexpr std::string_view kName = "users"sv;
//     static constexpr bool kKeyOnly = false;   // every column is key: every record inserts
//     static bool key_null(const Row& r);       // some key column is NULL
//     static Key key(const Row& r);
//     // The columns read (streamc::Column, row_parse.h), in the order of the row's fields,
//     // and every non-key column (whether a record has a value decides upsert or delete).
//     static constexpr std::tuple kColumns = {...};
//     static constexpr std::array<std::string_view, 4> kValueColumns = {...};
//   };
#pragma once

#include <simdjson.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/arena.h"
#include "streamc/config.h"
#include "streamc/counters.h"
#include "streamc/csv_scan.h"
#include "streamc/file_source.h"
#include "streamc/hash_table.h"
#include "streamc/line_scan.h"
#include "streamc/row_parse.h"
#include "streamc/scan.h"

namespace streamc {

// What every loader shares: the table it fills, its file and the counters.
// Loader is the loader class itself (open, poll and close its own).
template <class Spec, class Loader>
class TableLoaderBase {
 public:
  using Row = typename Spec::Row;
  using Key = typename Spec::Key;
  using Table = HashTable<Key, Row>;

  // `version` counts the table's changes (cached subqueries recompute on one).
  TableLoaderBase(Table& table, uint64_t& version, Counters& counters)
      : table_(table), version_(version), counters_(counters) {}

  bool watching() const { return source_.watch(); }

  // The first load: open and read to the end; a watched file stays open.
  bool load(const Config& config, std::string_view query_dir) {
    Loader& loader = static_cast<Loader&>(*this);
    if (!loader.open(config, query_dir) || !loader.poll()) return false;
    if (!watching()) loader.close();
    return true;
  }

 protected:
  // Applies one record; false when the program must stop (the 'on.error'
  // policy says so).
  bool apply(bool parsed, const Row& row, bool has_value, uint64_t line, std::string_view raw,
             std::string_view reason) {
    if (!parsed) return source_.bad().handle(source_.shown(), line, raw, reason);
    if (Spec::key_null(row)) {
      ++counters_.skipped;  // a row without a key can never match: it is not kept
      return true;
    }
    if (Spec::kKeyOnly || has_value) {
      table_.upsert(Spec::key(row), row);
    } else {
      table_.erase(Spec::key(row));
    }
    ++version_;
    return true;
  }

  static bool fail(const std::string& error) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return false;
  }

  Table& table_;
  uint64_t& version_;
  Counters& counters_;
  FileSource source_;
  Row row_;
};

// A table's CSV file. Mapped (a regular file, not watched), it is read once,
// in chunks parsed on every core and applied here in file order, so the last
// row of a key still wins; otherwise a record at a time.
template <class Spec>
class CsvTableLoader : public TableLoaderBase<Spec, CsvTableLoader<Spec>> {
  using Base = TableLoaderBase<Spec, CsvTableLoader<Spec>>;
  using Records = ParsedLines<typename Spec::Row, TableRecord>;

 public:
  using Base::Base;

  // Opens the file (waiting for it if told to) and finds the columns in its header.
  bool open(const Config& config, std::string_view query_dir) {
    std::string error;
    if (!this->source_.configure(config, Spec::kName, query_dir, true, error) ||
        !this->source_.open(reader_, error) || !line_scan_options(config, options_, error) ||
        !read_csv_header(reader_, this->source_.shown(), fields_, error) ||
        !find_csv_columns(fields_, this->source_.shown(), kColumnNames<Spec>.data(), kColumnNames<Spec>.size(), pos_,
                          error) ||
        !find_csv_columns(fields_, this->source_.shown(), Spec::kValueColumns.data(), Spec::kValueColumns.size(),
                          value_pos_, error)) {
      return Base::fail(error);
    }
    width_ = fields_.size();
    return true;
  }

  // Reads every whole record there is now.
  bool poll() {
    const bool ok = reader_.mapped() ? load_mapped() : read_records();
    this->source_.count_skipped(this->counters_);
    return ok;
  }

  void close() { reader_.close(); }

 private:
  bool read_records() {
    while (true) {
      const CsvStatus status = reader_.next(fields_);
      if (status == CsvStatus::End) return true;
      ++this->counters_.read;
      std::string_view reason;
      const bool parsed = parse_csv_record(reader_, status, fields_, width_, parse_csv_row<Spec, typename Spec::Row>, pos_, this->row_, reason);
      if (!this->apply(parsed, this->row_, parsed && csv_has_value(fields_, value_pos_), reader_.line_number(),
                       reader_.raw_record(), reason)) {
        return false;
      }
    }
  }

  bool load_mapped() {
    bool failed = false;
    // In file order.
    auto apply = [&](Records& records) {
      constexpr size_t kAhead = 8;
      for (size_t i = 0; i < records.size(); ++i) {
        // The table's memory for a record a few ahead, so the misses overlap.
        if (i + kAhead < records.size()) this->table_.prefetch(Spec::key(records.data()[i + kAhead].row));
        const typename Records::Line& record = records.data()[i];
        ++this->counters_.read;
        if (!this->apply(record.parsed, record.row, record.found.has_value, record.number, record.line,
                         record.reason)) {
          failed = true;
          return false;
        }
      }
      return true;
    };
    // After the first chunk: room for the keys the rest of the file adds at
    // the first chunk's rate, so the load does not rebuild the table again and again.
    auto sized = [&](double rest) {
      const size_t rows = this->table_.size();
      this->table_.reserve(rows + static_cast<size_t>(static_cast<double>(rows) * rest), options_.threads);
    };
    const CsvLayout layout = csv_layout(this->source_.delimiter(), width_, pos_, value_pos_);
    scan_csv_records<Records, Spec>(reader_, options_, layout, this->source_.shown(), [](unsigned, Records&) {}, apply, sized);
    return !failed;
  }

  CsvReader reader_;
  std::vector<CsvField> fields_;
  int pos_[kColumnNames<Spec>.size() + 1] = {};          // the field of each column kept
  int value_pos_[Spec::kValueColumns.size() + 1] = {};  // the field of each non-key column
  size_t width_ = 0;
  LineScanOptions options_;  // threads and chunks of the first, mapped read
};

// A table's file of JSON lines, read a line at a time.
template <class Spec>
class JsonTableLoader : public TableLoaderBase<Spec, JsonTableLoader<Spec>> {
  using Base = TableLoaderBase<Spec, JsonTableLoader<Spec>>;

 public:
  using Base::Base;

  bool open(const Config& config, std::string_view query_dir) {
    std::string error;
    if (!this->source_.configure(config, Spec::kName, query_dir, true, error) ||
        !this->source_.open(reader_, error)) {
      return Base::fail(error);
    }
    return true;
  }

  // Reads every whole line there is now.
  bool poll() {
    std::string_view line;
    bool ok = true;
    while (ok && (this->watching() ? reader_.next_whole_line(line) : reader_.next_line(line))) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      ++this->counters_.read;
      strings_.reset();
      std::string_view reason;
      bool has_value = false;
      const bool parsed = parse_json_row<Spec>(parser_, line, this->row_, reason, strings_, has_value);
      ok = this->apply(parsed, this->row_, has_value, reader_.line_number(), line, reason);
    }
    this->source_.count_skipped(this->counters_);
    return ok;
  }

  void close() { reader_.close(); }

 private:
  FileReader reader_;
  simdjson::ondemand::parser parser_;
  Arena strings_;  // the row's unescaped strings, until the next row
};

// A program's table loaders: whether any follows its file, and applying the
// rows appended to the watched ones' files, looked at whenever the
// millisecond clock has moved since `last_poll_ms` (false: a row failed).
template <class... Loaders>
bool any_watching(const Loaders&... loaders) {
  return (loaders.watching() || ...);
}
template <class... Loaders>
bool poll_watched(int64_t& last_poll_ms, Loaders&... loaders) {
  if (!any_watching(loaders...)) return true;
  const int64_t now = coarse_now_ms();
  if (now == last_poll_ms) return true;
  last_poll_ms = now;
  return ((!loaders.watching() || loaders.poll()) && ...);
}

}  // namespace streamc
