// Reads a stream's file to its end and runs each record through the
// pipelines that read it, in input order; then the source's 'on.error'
// policy for a record that did not parse or that a pipeline failed. The same
// for every stream; the generated program supplies a Spec per scan:
//
//   struct TradesScan {
//     static constexpr std::string_view kName = "trades"sv;
//     // JSON lines: the records of a chunk, and what the tables' probes found for each.
//     using Lines = streamc::ParsedLines<TradesRow, TradesFound>;
//     // Only when the pipelines probe tables by the record's columns (without: false, false):
//     static constexpr bool kProbes = true;      // probe(), prefetch() look the tables up ahead of the pipelines
//     static constexpr bool kProbeAhead = true;  // no query of the stream writes a table: a parsing
//                                                // thread may probe its chunk while no table is watched
//     static constexpr std::tuple kColumns = {...};  // the columns read (streamc::Column, row_parse.h)
//     static void probe(const Program&, Lines::Line* records, size_t n);
//     static void prefetch(const Lines::Line& record);
//     static streamc::Step on_record(Program&, const Lines::Line& record);  // the pipelines, in script order
//     // CSV instead: using Row; kColumns; on_record(Program&, const Row&).
//   };
//
// Program: counters, done() (every LIMIT reached), begin_record(), error()
// (why the last pipeline failed), poll_tables() (apply the changes of
// watched tables; false to stop) and any_watched().
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/config.h"
#include "streamc/csv_scan.h"
#include "streamc/file_source.h"
#include "streamc/line_scan.h"
#include "streamc/per_record.h"
#include "streamc/row_parse.h"
#include "streamc/step.h"

namespace streamc {

namespace detail {

// Whether a scan probes tables ahead of its pipelines (a Spec without probes says nothing).
template <class Spec>
inline constexpr bool kProbes = [] {
  if constexpr (requires { Spec::kProbes; }) return Spec::kProbes;
  return false;
}();
template <class Spec>
inline constexpr bool kProbeAhead = [] {
  if constexpr (requires { Spec::kProbeAhead; }) return Spec::kProbeAhead;
  return false;
}();

}  // namespace detail

// Stream records run through the pipelines, and probe the tables, in groups
// of this many.
constexpr size_t kProbeGroup = 64;

// Probes `table` for the keys of a group of records at once: key_of(row, key)
// gives a record's key, false when it has none (a NULL key matches nothing);
// the row found, or nullptr, goes to each record's found.*member.
template <class Table, class Line, class Found, class Row, class KeyOf>
STREAMC_PER_RECORD void probe_group(const Table& table, Line* records, size_t n, const Row* Found::*member,
                                    KeyOf&& key_of) {
  using Key = typename Table::KeyType;
  Key keys[kProbeGroup];
  const Row* rows[kProbeGroup];
  bool usable[kProbeGroup];
  for (size_t i = 0; i < n; ++i) {
    usable[i] = records[i].parsed && key_of(records[i].row, keys[i]);
    if (!usable[i]) keys[i] = Key();
  }
  table.find_batch(keys, n, rows);
  for (size_t i = 0; i < n; ++i) records[i].found.*member = usable[i] ? rows[i] : nullptr;
}

namespace detail {

inline bool scan_failed(const std::string& error) {
  std::fprintf(stderr, "error: %s\n", error.c_str());
  return false;
}

// Runs the pipelines over one group of parsed records, in input order; false
// stops the scan.
template <class Spec, class Program, class Line>
STREAMC_PER_RECORD bool run_group(Program& program, FileSource& source, Line* records, size_t n, bool probed,
                                  bool& failed) {
  if (!program.poll_tables()) {  // watched tables first
    failed = true;
    return false;
  }
  if constexpr (kProbes<Spec>) {
    if (!probed) Spec::probe(program, records, n);
    // The strings of the rows found, for the whole group at once.
    for (size_t i = 0; i < n; ++i) Spec::prefetch(records[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    if (program.done()) return false;
    ++program.counters.read;
    Step step = Step::Error;
    std::string_view reason = records[i].reason;
    if (records[i].parsed) {
      program.begin_record();
      if constexpr (requires { Spec::on_record(program, records[i]); }) {
        step = Spec::on_record(program, records[i]);
      } else {
        step = Spec::on_record(program, records[i].row);  // CSV: nothing looked up ahead
      }
      if (step == Step::Error) reason = program.error();
    }
    if (step == Step::Error && !source.bad().handle(source.shown(), records[i].number, records[i].line, reason)) {
      failed = true;
      return false;
    }
    if (step == Step::Late && !source.bad().late(source.shown(), records[i].number, records[i].line)) {
      failed = true;
      return false;
    }
  }
  return true;
}

// Parses one CSV record and runs the pipelines over it, with `context` (the
// Program, or a lane: lanes.h) for the record's strings and failure; false
// stops the scan.
template <class Spec, class Program, class Context, class Row>
STREAMC_PER_RECORD bool run_csv_record(Program& program, Context& context, FileSource& source, CsvReader& reader,
                                       CsvStatus status, const std::vector<CsvField>& fields, const int* pos,
                                       size_t width, Row& row) {
  ++program.counters.read;
  std::string_view reason;
  const bool parsed = parse_csv_record(reader, status, fields, width, parse_csv_row<Spec, Row>, pos, row, reason);
  if (!program.poll_tables()) return false;  // watched tables first
  Step step = Step::Error;
  if (parsed) {
    context.begin_record();
    step = Spec::on_record(context, row);
    if (step == Step::Error) reason = context.error();
  }
  if (step == Step::Late) return source.bad().late(source.shown(), reader.line_number(), reader.raw_record());
  return step != Step::Error || source.bad().handle(source.shown(), reader.line_number(), reader.raw_record(), reason);
}

// The source of a JSON stream opened, with the scan's options; false with
// the message printed.
inline bool open_json_stream(const Config& config, std::string_view name, std::string_view query_dir,
                             FileSource& source, FileReader& reader, LineScanOptions& options) {
  std::string error;
  return (source.configure(config, name, query_dir, false, error) && source.open(reader, error) &&
          line_scan_options(config, options, error)) ||
         scan_failed(error);
}

// The same for a CSV stream, its header read: pos[i] is the field of column i.
template <class Spec>
bool open_csv_stream(const Config& config, std::string_view query_dir, FileSource& source, CsvReader& reader,
                     LineScanOptions& options, std::vector<CsvField>& header, int* pos) {
  std::string error;
  return (source.configure(config, Spec::kName, query_dir, false, error) && source.open(reader, error) &&
          line_scan_options(config, options, error) && read_csv_header(reader, source.shown(), header, error) &&
          find_csv_columns(header, source.shown(), kColumnNames<Spec>.data(), kColumnNames<Spec>.size(), pos,
                           error)) ||
         scan_failed(error);
}

// A stream's JSON line into its row (scan_lines' parse).
template <class Spec, class Row>
bool parse_stream_line(simdjson::ondemand::parser& parser, std::string_view line, Row& row,
                       std::string_view& reason, Arena& strings) {
  bool has_value = false;  // a table's question: not asked of a stream's records
  return parse_json_row<Spec>(parser, line, row, reason, strings, has_value);
}

}  // namespace detail

// JSON lines: a mapped file is parsed in chunks on every core while this
// thread runs the pipelines over the parsed records in input order (a pipe is
// read a line at a time). While the tables cannot change (none is watched
// and no query of the stream writes one) the thread that parses a chunk
// probes the tables for it too; otherwise this thread probes each group
// after the watched tables' changes, one record per group while a table is
// watched.
template <class Spec, class Program>
bool scan_json_stream(Program& program, const Config& config, std::string_view query_dir) {
  using Lines = typename Spec::Lines;
  FileSource source;
  FileReader reader;
  LineScanOptions options;
  if (!detail::open_json_stream(config, Spec::kName, query_dir, source, reader, options)) return false;
  bool failed = false;
  const bool probe_ahead = detail::kProbes<Spec> && detail::kProbeAhead<Spec> && !program.any_watched();
  // On the thread that parsed the chunk.
  auto prepared = [&](unsigned, Lines& chunk) {
    if constexpr (detail::kProbes<Spec>) {
      if (!probe_ahead) return;
      for (size_t first = 0; first < chunk.size(); first += kProbeGroup) {
        Spec::probe(program, chunk.data() + first, std::min(kProbeGroup, chunk.size() - first));
      }
    }
  };
  // Parsed records, in input order: false stops the scan.
  auto run = [&](Lines& batch) {
    const size_t group = program.any_watched() ? 1 : kProbeGroup;
    for (size_t first = 0; first < batch.size(); first += group) {
      const size_t n = std::min(group, batch.size() - first);
      if (!detail::run_group<Spec>(program, source, batch.data() + first, n, probe_ahead, failed)) return false;
    }
    return true;
  };
  scan_lines<Lines, simdjson::ondemand::parser>(reader, options, detail::parse_stream_line<Spec, typename Lines::RowType>,
                                                prepared, run);
  source.count_skipped(program.counters);
  return !failed;
}

// CSV: the header names the fields, and each column read is found by name
// once. A mapped file is parsed in chunks on every core while this thread
// runs the pipelines over the parsed records in input order; a pipe is read
// a record at a time.
template <class Spec, class Program>
bool scan_csv_stream(Program& program, const Config& config, std::string_view query_dir) {
  FileSource source;
  CsvReader reader;
  LineScanOptions options;
  std::vector<CsvField> fields;
  int pos[kColumnNames<Spec>.size() + 1] = {};
  if (!detail::open_csv_stream<Spec>(config, query_dir, source, reader, options, fields, pos)) return false;
  const size_t width = fields.size();
  bool failed = false;
  if (reader.mapped()) {
    using Lines = ParsedLines<typename Spec::Row>;
    auto run = [&](Lines& batch) {
      for (size_t first = 0; first < batch.size(); first += kProbeGroup) {
        const size_t n = std::min(kProbeGroup, batch.size() - first);
        if (!detail::run_group<Spec>(program, source, batch.data() + first, n, false, failed)) return false;
      }
      return true;
    };
    const CsvLayout layout = csv_layout(source.delimiter(), width, pos, nullptr);
    scan_csv_records<Lines, Spec>(reader, options, layout, source.shown(), [](unsigned, Lines&) {}, run,
                                  [](double) {});
  } else {
    typename Spec::Row row;
    while (!failed && !program.done()) {
      const CsvStatus status = reader.next(fields);
      if (status == CsvStatus::End) break;
      failed = !detail::run_csv_record<Spec>(program, program, source, reader, status, fields, pos, width, row);
    }
  }
  source.count_skipped(program.counters);
  return !failed;
}

// A query FROM a table reads its rows as they are once every table is
// loaded: on_row(row) -> Step runs the pipelines; the first failure stops.
template <class Program, class Table, class OnRow>
bool read_table(Program& program, const Table& table, OnRow&& on_row) {
  std::string_view failed;
  table.for_each([&](const auto&, const auto& row) {
    if (!failed.empty()) return;
    program.begin_record();
    if (on_row(row) == Step::Error) failed = program.error();
  });
  if (failed.empty()) return true;
  std::fprintf(stderr, "error: %.*s\n", static_cast<int>(failed.size()), failed.data());
  return false;
}

}  // namespace streamc
