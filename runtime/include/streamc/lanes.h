// Aggregating a bounded file on every core. When every query of a stream is
// a GROUP BY ... EMIT FINAL whose groups merge (the planner decides), each
// thread that parses a chunk of the file also runs the pipelines over it,
// into groups of its own: a lane. The thread that takes the chunks in file
// order only counts the records and gives the bad ones, in input order, to
// the source's 'on.error' policy. Once the file has been read the other
// lanes merge into the Program's, whose groups the EMIT FINAL function then
// writes, in the order they first appeared. A pipe is read a record at a
// time into the Program's lane.
//
// The generated program supplies, besides the scan's Spec (stream_scan.h):
//
//   struct MeasurementsLane : streamc::Lane {
//     streamc::HashTable<Groups0Key, Groups0> groups_0_;  // each query's groups
//     Step on_measurements_0(const MeasurementsRow& r);    // each query's pipeline
//     bool merge(MeasurementsLane& other);                 // false: an aggregate overflowed
//     void number_groups();                                // streamc::number_groups of each
//   };
//   struct MeasurementsScan {
//     ...;
//     using Lane = MeasurementsLane;
//     static Lane& lane(Program& program);  // the Program's lane
//     static Step on_record(Lane& lane, const Row& r);
//   };
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string_view>
#include <vector>

#include "streamc/csv_scan.h"
#include "streamc/line_scan.h"
#include "streamc/record_context.h"
#include "streamc/stream_scan.h"

namespace streamc {

// One thread's share of a scan's pipelines: the record's strings and failure,
// and where the record is in the input, which the pipelines give a new group
// (its seq) and FIRST / LAST, so that merging keeps the input's order: the
// record's address in the mapped file, or its line number in a serial read.
// Each on cache lines of its own: the threads write theirs every record.
class alignas(64) Lane : public RecordContext {
 public:
  uint64_t position = 0;
};

namespace detail {

// A lane per thread: the Program's for thread 0.
template <class Spec, class Program>
class Lanes {
 public:
  using LaneType = typename Spec::Lane;

  Lanes(Program& program, unsigned threads) : first_(Spec::lane(program)) {
    for (unsigned t = 1; t < threads; ++t) more_.push_back(std::make_unique<LaneType>());
  }
  LaneType& operator[](unsigned thread) { return thread == 0 ? first_ : *more_[thread - 1]; }

  // Every lane into the Program's, whose groups are then numbered by first
  // appearance; false with the message printed when an aggregate overflows.
  bool merge() {
    bool ok = true;
    for (auto& lane : more_) ok = first_.merge(*lane) && ok;
    first_.number_groups();
    if (!ok) std::fprintf(stderr, "error: an aggregate overflowed when the threads' groups were merged\n");
    return ok;
  }

 private:
  LaneType& first_;
  std::vector<std::unique_ptr<LaneType>> more_;
};

// A chunk's parsed JSON records through a lane's pipelines, on the thread
// that parsed them: a record that fails is marked so, with why. `mapped`:
// the records' addresses are their positions in the file.
template <class Spec, class LaneType, class Lines>
STREAMC_PER_RECORD void run_lane(LaneType& lane, Lines& records, bool mapped) {
  for (size_t i = 0; i < records.size(); ++i) {
    auto& record = records.data()[i];
    if (!record.parsed) continue;
    lane.position = mapped ? reinterpret_cast<uintptr_t>(record.line.data()) : record.number;
    lane.begin_record();
    if (Spec::on_record(lane, record.row) == Step::Error) {
      record.parsed = false;
      record.reason = lane.error();
    }
  }
}

// What a lane made of a chunk of CSV records, which the lane reads straight
// into one row, not into a chunk's Lines: how many there were, and the bad
// ones. (Slots of chunks side by side are filled by different threads: each
// on a cache line of its own.)
struct alignas(64) LaneChunk {
  struct Bad {
    size_t index;  // in the chunk
    uint64_t number;
    std::string_view line, reason;
  };
  std::vector<Bad> bad;
  size_t records = 0;
  uint64_t line_count = 0;

  void clear() {
    bad.clear();
    records = 0;
  }
  // The exception, not the rule: kept out of the per-record path.
  [[gnu::noinline, gnu::cold]] void note_bad(size_t index, uint64_t number, std::string_view line,
                                             std::string_view reason) {
    bad.push_back({index, number, line, reason});
  }
  void offset_numbers(uint64_t lines_before) {
    for (Bad& b : bad) b.number += lines_before;
  }
};

// A chunk's records through a lane's pipelines as `in` reads them.
template <class Spec, class LaneType>
STREAMC_PER_RECORD void run_csv_lane(LaneType& lane, CsvReader& in, const CsvLayout& layout, LaneChunk& chunk) {
  chunk.clear();
  typename Spec::Row row;
  std::vector<CsvField> fields;
  size_t records = 0;  // counted here, not in the chunk: another thread fills the next slot
  for_each_csv_record<Spec>(
      in, layout, fields, [&]() -> auto& { return row; },
      [&](const CsvRecordRead& read, uint64_t number) {
        std::string_view reason = read.reason;
        bool ok = read.parsed;
        if (ok) {
          lane.position = reinterpret_cast<uintptr_t>(read.raw.data());
          lane.begin_record();
          if (Spec::on_record(lane, row) == Step::Error) {
            ok = false;
            reason = lane.error();
          }
        }
        if (!ok) chunk.note_bad(records, number, read.raw, reason);
        ++records;
      });
  chunk.records = records;
}

// The same chunk, in input order: its records counted, the bad ones to the
// source's policy; false stops the scan.
template <class Program>
bool report_lane(Program& program, FileSource& source, const LaneChunk& chunk, bool& failed) {
  size_t counted = 0;
  for (const LaneChunk::Bad& b : chunk.bad) {
    program.counters.read += b.index + 1 - counted;
    counted = b.index + 1;
    if (!source.bad().handle(source.shown(), b.number, b.line, b.reason)) {
      failed = true;
      return false;
    }
  }
  program.counters.read += chunk.records - counted;
  return true;
}

// A JSON chunk's records, in input order: counted, the bad ones to the
// source's policy; false stops the scan.
template <class Program, class Lines>
bool report_lane(Program& program, FileSource& source, const Lines& records, bool& failed) {
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    ++program.counters.read;
    if (!r.parsed && !source.bad().handle(source.shown(), r.number, r.line, r.reason)) {
      failed = true;
      return false;
    }
  }
  return true;
}

}  // namespace detail

// A JSON-lines stream whose queries aggregate in lanes.
template <class Spec, class Program>
bool scan_json_lanes(Program& program, const Config& config, std::string_view query_dir) {
  using Lines = typename Spec::Lines;
  FileSource source;
  FileReader reader;
  LineScanOptions options;
  if (!detail::open_json_stream(config, Spec::kName, query_dir, source, reader, options)) return false;
  const bool mapped = reader.mapped();
  detail::Lanes<Spec, Program> lanes(program, mapped ? options.threads : 1);
  bool failed = false;
  scan_lines<Lines, simdjson::ondemand::parser>(
      reader, options, detail::parse_stream_line<Spec, typename Lines::RowType>,
      [&](unsigned thread, Lines& records) { detail::run_lane<Spec>(lanes[thread], records, mapped); },
      [&](Lines& records) { return detail::report_lane(program, source, records, failed); });
  source.count_skipped(program.counters);
  return !failed && lanes.merge();
}

// A CSV stream whose queries aggregate in lanes.
template <class Spec, class Program>
bool scan_csv_lanes(Program& program, const Config& config, std::string_view query_dir) {
  FileSource source;
  CsvReader reader;
  LineScanOptions options;
  std::vector<CsvField> fields;
  int pos[kColumnNames<Spec>.size() + 1] = {};
  if (!detail::open_csv_stream<Spec>(config, query_dir, source, reader, options, fields, pos)) return false;
  const size_t width = fields.size();
  detail::Lanes<Spec, Program> lanes(program, reader.mapped() ? options.threads : 1);
  bool failed = false;
  if (reader.mapped()) {
    const CsvLayout layout = csv_layout(source.delimiter(), width, pos, nullptr);
    scan_csv_chunks<detail::LaneChunk>(
        reader, options, layout.sep, source.shown(),
        [&](unsigned thread, CsvReader& in, detail::LaneChunk& chunk) {
          detail::run_csv_lane<Spec>(lanes[thread], in, layout, chunk);
        },
        [&](detail::LaneChunk& chunk) { return detail::report_lane(program, source, chunk, failed); },
        [](double) {});
  } else {
    typename Spec::Row row;
    auto& lane = lanes[0];
    while (!failed) {
      const CsvStatus status = reader.next(fields);
      if (status == CsvStatus::End) break;
      lane.position = reader.line_number();
      failed = !detail::run_csv_record<Spec>(program, lane, source, reader, status, fields, pos, width, row);
    }
  }
  source.count_skipped(program.counters);
  return !failed && lanes.merge();
}

}  // namespace streamc
