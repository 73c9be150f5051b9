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

// reader: opened on a mapped file, its header read; layout: where its fields
// go (csv_layout). Each record is parsed into the next of a chunk's Lines,
// on any thread (for_each_csv_record); prepared(thread, Lines&) runs on that
// thread right after (see scan_lines); run(Lines&) -> bool on the calling thread, in file order,
// false to stop. sized(scale) runs once, after the first chunk ran, with how
// many times that chunk's bytes the rest of the file holds: a table grows to
// its size at once instead of rebuilding itself again and again. Records
// point into the mapping, which stays until reader.close().
template <class Lines, class Spec, class Prepared, class Run, class Sized>
bool scan_csv_records(CsvReader& reader, const LineScanOptions& options, const CsvLayout& layout,
                      const std::string& name, Prepared&& prepared, Run&& run, Sized&& sized) {
  const uint64_t header_lines = reader.lines_read();
  const std::string_view text = reader.take_mapped();
  const unsigned threads = options.threads == 0 ? 1 : options.threads;
  std::vector<Lines> slots(ChunkPipeline::slots_for(threads));
  // A reader per slot: fields unescaped into its scratch live as long as the records.
  std::vector<std::unique_ptr<CsvReader>> readers;
  for (size_t i = 0; i < slots.size(); ++i) readers.push_back(std::make_unique<CsvReader>(size_t{1}));
  detail::InOrder in_order(text, header_lines);
  return ChunkPipeline::run(
      text, options.chunk_bytes, threads,
      [&](unsigned thread, size_t slot, std::string_view chunk) {
        Lines& records = slots[slot];
        records.clear();
        CsvReader& in = *readers[slot];
        in.open_memory(chunk, name, layout.sep);
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
        records.line_count = in.lines_read();
        prepared(thread, records);
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
      [sep = layout.sep](std::string_view all, size_t start, size_t target) {
        return csv_chunk_end(all, start, target, sep);
      });
}

}  // namespace streamc
