// Reads the rest of a mapped CSV file (after its header) in chunks of whole
// records parsed on up to `threads` threads, and hands the parsed records to
// run(records) on the calling thread in file order: a table's initial load,
// whose upserts must stay in file order (the last row of a key wins), or a
// stream's records on their way to the pipelines.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/chunk_pipeline.h"
#include "streamc/csv_record.h"
#include "streamc/input.h"
#include "streamc/line_scan.h"

namespace streamc {

// What a table's record says besides its row: whether some non-key column
// has a value (otherwise the record deletes its key).
struct TableRecord {
  bool has_value = false;
};

// reader: opened on a mapped file, its header read. Each chunk of whole
// records (separated by `sep`) is read on any thread by prepare(thread, in,
// chunk), `in` a CsvReader opened on it that lives as long as the Chunk;
// run(Chunk&) -> bool runs on the calling thread, in file order, false to
// stop. A Chunk holds line_count and offset_numbers(lines before it), as
// ParsedLines does. sized(scale) runs once, after the first chunk ran, with
// how many times that chunk's bytes the rest of the file holds: a table grows
// to its size at once instead of rebuilding itself again and again. Records
// point into the mapping, which stays until reader.close().
template <class Chunk, class Prepare, class Run, class Sized>
bool scan_csv_chunks(CsvReader& reader, const LineScanOptions& options, char sep, const std::string& name,
                     Prepare&& prepare, Run&& run, Sized&& sized) {
  const uint64_t header_lines = reader.lines_read();
  const std::string_view text = reader.take_mapped();
  const unsigned threads = options.threads == 0 ? 1 : options.threads;
  std::vector<Chunk> slots(ChunkPipeline::slots_for(threads));
  // A reader per slot: fields unescaped into its scratch live as long as the records.
  std::vector<std::unique_ptr<CsvReader>> readers;
  for (size_t i = 0; i < slots.size(); ++i) readers.push_back(std::make_unique<CsvReader>(size_t{1}));
  detail::InOrder in_order(text, header_lines);
  return ChunkPipeline::run(
      text, options.chunk_bytes, threads,
      [&](unsigned thread, size_t slot, std::string_view chunk) {
        CsvReader& in = *readers[slot];
        in.open_memory(chunk, name, sep);
        prepare(thread, in, slots[slot]);
        slots[slot].line_count = in.lines_read();
      },
      [&, first = true](size_t slot, std::string_view chunk) mutable {
        const bool go_on = in_order.run(slots[slot], chunk, run);
        if (first && go_on) {
          first = false;
          sized(static_cast<double>(text.data() + text.size() - (chunk.data() + chunk.size())) /
                static_cast<double>(chunk.size()));
        }
        return go_on;
      },
      [sep](std::string_view all, size_t start, size_t target) { return csv_chunk_end(all, start, target, sep); });
}

// The same with each record parsed into the next of a chunk's Lines, as
// `layout` places its fields (for_each_csv_record); prepared(thread, Lines&)
// runs on that thread right after (see scan_lines).
template <class Lines, class Spec, class Prepared, class Run, class Sized>
bool scan_csv_records(CsvReader& reader, const LineScanOptions& options, const CsvLayout& layout,
                      const std::string& name, Prepared&& prepared, Run&& run, Sized&& sized) {
  return scan_csv_chunks<Lines>(
      reader, options, layout.sep, name,
      [&](unsigned thread, CsvReader& in, Lines& records) {
        records.clear();
        std::vector<CsvField> fields;
        for_each_csv_record<Spec>(
            in, layout, fields, [&]() -> auto& { return records.append({}, 0).row; },
            [&](const CsvRecordRead& read, uint64_t number) {
              auto& record = records.data()[records.size() - 1];
              record.line = read.raw;
              record.number = number;
              record.parsed = read.parsed;
              record.reason = read.reason;
              if constexpr (requires { record.found.has_value; }) record.found.has_value = read.has_value;
            });
        prepared(thread, records);
      },
      run, sized);
}

}  // namespace streamc
