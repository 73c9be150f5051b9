// Reads a source of lines (JSON lines) and hands its parsed records, in input
// order and in batches, to the pipelines: run(batch) on the calling thread.
//
// A mapped file is cut into chunks of whole lines that are parsed on up to
// `threads` threads while the calling thread runs the pipelines over the
// chunks already parsed (ChunkPipeline). Any other input (a pipe, a followed
// file) is read and parsed one line at a time. Either way the records, line
// numbers and error reasons the pipelines see are the same.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/arena.h"
#include "streamc/chunk_pipeline.h"
#include "streamc/config.h"
#include "streamc/input.h"

namespace streamc {

// Nothing looked up for a record ahead of its pipelines.
struct NoLookups {};

// One line of input and what parsing it gave; `found`: what the pipelines'
// table lookups found for it, when they are probed ahead (see scan_lines).
template <class Row, class Found = NoLookups>
struct ParsedLine {
  Row row;
  [[no_unique_address]] Found found;
  std::string_view line;    // without its line terminator
  std::string_view reason;  // why it did not parse (parsed == false)
  uint64_t number = 0;      // 1-based line number in the source
  bool parsed = false;
};

// The records of a chunk, in input order. Strings of a record point into the
// input or into `strings` (values that had to be unescaped). Chunks side by
// side are filled by different threads: each on a cache line of its own.
template <class Row, class Found = NoLookups>
class alignas(64) ParsedLines {
 public:
  using Line = ParsedLine<Row, Found>;
  using RowType = Row;

  size_t size() const { return size_; }
  Line* data() { return lines_.data(); }
  const Line* data() const { return lines_.data(); }
  const Line& operator[](size_t i) const { return lines_[i]; }

  void clear() {
    size_ = 0;
    strings_.reset();
  }
  // Parses a line into the next record: parse(line, row, reason, strings).
  template <class Parse>
  void add(std::string_view line, uint64_t number, Parse& parse) {
    Line& p = append(line, number);
    p.parsed = parse(line, p.row, p.reason, strings_);
  }
  // The next record, to be filled by the caller.
  Line& append(std::string_view line, uint64_t number) {
    if (size_ == lines_.size()) lines_.resize(lines_.empty() ? 64 : 2 * lines_.size());
    Line& p = lines_[size_++];
    p.line = line;
    p.number = number;
    p.reason = {};
    p.parsed = false;
    return p;
  }
  // Line numbers counted from the chunk's start become numbers in the file.
  void offset_numbers(uint64_t lines_before) {
    for (size_t i = 0; i < size_; ++i) lines_[i].number += lines_before;
  }
  // Lines in the chunk, blank ones included.
  uint64_t line_count = 0;

 private:
  std::vector<Line> lines_;
  size_t size_ = 0;
  Arena strings_;
};

struct LineScanOptions {
  unsigned threads = 1;
  size_t chunk_bytes = size_t{256} << 10;
};

// The run-time properties 'threads' ("auto": every core the process may use)
// and 'chunk.bytes'; false with a message naming a bad value.
bool line_scan_options(const Config& config, LineScanOptions& options, std::string& error);

// Whether 'threads' lets the program use more than one thread: its sinks then
// write behind (Writer::write_behind). A bad value is reported by
// line_scan_options; here it counts as one thread.
bool more_than_one_thread(const Config& config);

namespace detail {

inline bool blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// Parses every non-blank line of a chunk; numbers count from the chunk's start.
template <class Lines, class Parse>
void parse_chunk(std::string_view chunk, Lines& out, Parse& parse) {
  out.clear();
  uint64_t number = 0;
  while (!chunk.empty()) {
    size_t length = chunk.find('\n');
    const size_t next = length == std::string_view::npos ? chunk.size() : length + 1;
    if (length == std::string_view::npos) length = chunk.size();
    std::string_view line = chunk.substr(0, length);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    if (!blank_line(line)) out.add(line, number, parse);
    chunk.remove_prefix(next);
  }
  out.line_count = number;
}

// The consuming side of a chunked read: each chunk, in file order, gets its
// line numbers in the file, runs, and gives its pages back.
class InOrder {
 public:
  InOrder(std::string_view text, uint64_t lines_before) : lines_before_(lines_before), released_(text.data()) {}

  template <class Lines, class Run>
  bool run(Lines& lines, std::string_view chunk, Run& run) {
    lines.offset_numbers(lines_before_);
    lines_before_ += lines.line_count;
    const bool go_on = run(lines);
    // Every release interrupts the other threads to flush their TLBs: a few
    // megabytes at a time, not each chunk.
    const char* end = chunk.data() + chunk.size();
    if (static_cast<size_t>(end - released_) >= kReleaseEvery) released_ = release_pages(released_, end);
    return go_on;
  }

 private:
  static constexpr size_t kReleaseEvery = size_t{8} << 20;
  uint64_t lines_before_;
  const char* released_;  // pages before this one are given back
};

}  // namespace detail

// parse(parser, line, row, reason, strings) -> bool, with a Parser per thread;
// prepared(thread, Lines&) runs on the thread that parsed a chunk, right
// after it (the pipelines' table probes, when the tables cannot change
// meanwhile; a lane's aggregation, lanes.h), `thread` as ChunkPipeline
// numbers them (0 when the input is read a line at a time);
// run(Lines&) -> bool runs on the calling thread, chunk after chunk in input
// order, false to stop reading. Returns false when run() stopped the scan.
template <class Lines, class Parser, class Parse, class Prepared, class Run>
bool scan_lines(FileReader& reader, const LineScanOptions& options, Parse&& parse, Prepared&& prepared,
                Run&& run) {
  using Row = typename Lines::RowType;
  if (!reader.mapped()) {
    Parser parser;
    auto parse_line = [&](std::string_view line, Row& row, std::string_view& reason, Arena& strings) {
      return parse(parser, line, row, reason, strings);
    };
    Lines one;
    std::string_view line;
    while (reader.next_line(line)) {
      if (detail::blank_line(line)) continue;
      one.clear();
      one.add(line, reader.line_number(), parse_line);
      prepared(0u, one);
      if (!run(one)) return false;
    }
    return true;
  }
  const std::string_view text = reader.take_mapped();
  std::vector<Parser> parsers(options.threads == 0 ? 1 : options.threads);
  std::vector<Lines> slots(ChunkPipeline::slots_for(static_cast<unsigned>(parsers.size())));
  detail::InOrder in_order(text, 0);
  return ChunkPipeline::run(
      text, options.chunk_bytes, static_cast<unsigned>(parsers.size()),
      [&](unsigned thread, size_t slot, std::string_view chunk) {
        Parser& parser = parsers[thread];
        auto parse_line = [&](std::string_view line, Row& row, std::string_view& reason, Arena& strings) {
          return parse(parser, line, row, reason, strings);
        };
        detail::parse_chunk(chunk, slots[slot], parse_line);
        prepared(thread, slots[slot]);
      },
      [&](size_t slot, std::string_view chunk) { return in_order.run(slots[slot], chunk, run); });
}

// Without anything to do ahead of the pipelines.
template <class Lines, class Parser, class Parse, class Run>
bool scan_lines(FileReader& reader, const LineScanOptions& options, Parse&& parse, Run&& run) {
  return scan_lines<Lines, Parser>(reader, options, parse, [](unsigned, Lines&) {}, run);
}

}  // namespace streamc
