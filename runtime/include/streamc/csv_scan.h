// Reads the rest of a mapped CSV file (after its header) in chunks of whole
// records parsed on up to `threads` threads, and hands the parsed records to
// run(records) on the calling thread in file order: a table's initial load,
// whose upserts must stay in file order (the last row of a key wins).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/chunk_pipeline.h"
#include "streamc/input.h"
#include "streamc/line_scan.h"

namespace streamc {

// What a table's record says besides its row: whether some non-key column
// has a value (otherwise the record deletes its key).
struct TableRecord {
  bool has_value = false;
};

// reader: opened on a mapped file, its header read. parse(fields, record)
// fills record.row, .parsed, .reason and .found from a well-formed record, on
// any thread; run(Lines&) -> bool on the calling thread, false to stop.
// sized(scale) runs once, after the first chunk ran, with how many times
// that chunk's bytes the rest of the file holds: a table grows to its size
// at once instead of rebuilding itself again and again.
// Records point into the mapping, which stays until reader.close().
template <class Lines, class Parse, class Run, class Sized>
bool scan_csv_records(CsvReader& reader, const LineScanOptions& options, char sep, const std::string& name,
                      Parse&& parse, Run&& run, Sized&& sized) {
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
      [&](unsigned, size_t slot, std::string_view chunk) {
        Lines& records = slots[slot];
        records.clear();
        CsvReader& in = *readers[slot];
        in.open_memory(chunk, name, sep);
        std::vector<CsvField> fields;
        for (CsvStatus status; (status = in.next(fields)) != CsvStatus::End;) {
          auto& record = records.append(in.raw_record(), in.line_number());
          if (status == CsvStatus::Malformed) {
            record.reason = in.error_reason();
          } else {
            parse(fields, record);
          }
        }
        records.line_count = in.lines_read();
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

}  // namespace streamc
