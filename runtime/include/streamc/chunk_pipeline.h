// Splits a bounded input held in memory (a mapped file) into chunks of whole
// lines, prepares the chunks on several threads and hands them back, in input
// order, to the thread that called run(): the pipelines run there, one chunk
// after another, so what they write keeps the order of the input and nothing
// on the consumer's side needs a lock.
//
// Work is shared, not split in advance: the consumer, when the next chunk is
// not ready yet, prepares a later one itself instead of waiting. At most
// `slots` chunks are prepared ahead of the consumer, which bounds memory.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace streamc {

// The cores this process may run on (sched_getaffinity), at least 1.
unsigned available_cores();

// The 'threads' property: "auto" (or empty) is available_cores(); otherwise a
// positive count. False for anything else.
bool parse_thread_count(std::string_view text, unsigned& threads);

class ChunkPipeline {
 public:
  // prepare(thread, slot, chunk) runs on any thread: `thread` is 0 for the
  // caller of run() and 1..threads-1 for the others, `slot` names the
  // storage the chunk is prepared into (0..slots-1, never prepared twice at
  // once nor while it is consumed). consume(slot, chunk) runs on the caller
  // of run(), in input order; false stops everything.
  using Prepare = std::function<void(unsigned thread, size_t slot, std::string_view chunk)>;
  using Consume = std::function<bool(size_t slot, std::string_view chunk)>;
  // Where a chunk starting at `start` that should hold about `target - start`
  // bytes ends: just after a record's end at or after `target`. By default,
  // after the first '\n' at or after target - 1 (lines).
  using ChunkEnd = std::function<size_t(std::string_view text, size_t start, size_t target)>;

  // Slots a pipeline with `threads` threads uses.
  static size_t slots_for(unsigned threads) { return 2 * size_t{threads} + 1; }

  // Chunks end after a '\n' (or at the end of `text`) once they hold at least
  // `chunk_bytes`. Threads beyond what the chunks can keep busy are not
  // started. False when consume() stopped the run.
  static bool run(std::string_view text, size_t chunk_bytes, unsigned threads, const Prepare& prepare,
                  const Consume& consume, const ChunkEnd& chunk_end = {});
};

// The ChunkEnd of RFC 4180 records separated by `sep`: a newline inside a
// quoted field does not end a record. A quote opens a quoted field only at
// the start of a field (elsewhere it is text, as CsvReader reads it); inside
// one, "" is a quote and a single quote closes it.
size_t csv_chunk_end(std::string_view text, size_t start, size_t target, char sep);



}  // namespace streamc
