// The records of a chunk of a mapped CSV file (whole records, see
// csv_chunk_end), straight into generated row structs. Nearly every line of
// a CSV file has no quote: such a line is cut at its separators in one pass
// over 8-byte words (a separator, a newline or a quote found in a word by a
// few integer operations, no byte loop) and each field a query reads is
// converted as parse_csv_row converts it, with no vector of fields between.
// A line with a quote, anywhere, goes to the RFC 4180 reader (CsvReader),
// which decides; both give the same rows, reasons and line numbers.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "streamc/file_source.h"
#include "streamc/input.h"
#include "streamc/per_record.h"
#include "streamc/row_parse.h"

namespace streamc {

// What reading one record of a chunk gave.
struct CsvRecordRead {
  size_t bytes = 0;         // taken from the input, through the line end
  std::string_view raw;     // the record's text without its line end
  std::string_view reason;  // why it does not parse (parsed == false)
  bool parsed = false;
  bool has_value = false;   // some non-key column of a table has a value
};

namespace detail {

inline constexpr uint64_t kLowBits7 = 0x7F7F7F7F7F7F7F7Full;

constexpr uint64_t broadcast(char c) { return 0x0101010101010101ull * static_cast<unsigned char>(c); }

// The high bit of every byte of `word` equal to the byte repeated in `bytes`,
// and no other bit (exact: no carry reaches a neighbouring byte).
inline uint64_t bytes_equal(uint64_t word, uint64_t bytes) {
  const uint64_t x = word ^ bytes;
  return ~(((x & kLowBits7) + kLowBits7) | x | kLowBits7);
}

// 0, 1, 2, ...: a row's columns in a record that holds just them, in order.
template <size_t N>
inline constexpr auto kInOrder = [] {
  std::array<int, N + 1> pos{};
  for (size_t i = 0; i < N; ++i) pos[i] = static_cast<int>(i);
  pos[N] = -1;
  return pos;
}();

}  // namespace detail

// The record at the start of `text` when its line has no quote (`text`
// readable 8 bytes beyond its end; a record ends at '\n' or where `text`
// does), converted into `r`; bytes == 0 when a quote comes first, and then
// nothing is decided.
template <class Spec, class Row>
STREAMC_PER_RECORD [[gnu::always_inline]] inline CsvRecordRead parse_plain_csv(std::string_view text, const CsvLayout& layout,
                                                                        Row& r) {
  constexpr size_t kColumns = detail::kColumnCount<Spec>;
  constexpr uint64_t kNewlines = detail::broadcast('\n');
  constexpr uint64_t kQuotes = detail::broadcast('"');
  const uint64_t seps = detail::broadcast(layout.sep);
  const char* p = text.data();
  const size_t n = text.size();
  CsvField columns[kColumns + 1];
  CsvRecordRead read;
  size_t field = 0;
  size_t start = 0;
  auto take = [&](size_t end) {
    if (field < layout.width) {
      if (const int c = layout.column_of[field]; c >= 0) columns[c] = CsvField{{p + start, end - start}, false};
      if (layout.values) read.has_value = read.has_value || (layout.value_field[field] && end > start);
    }
    ++field;
  };
  size_t end = n;
  read.bytes = n;
  for (size_t i = 0; i < n && read.bytes == n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    uint64_t marks = detail::bytes_equal(word, seps) | detail::bytes_equal(word, kNewlines) |
                     detail::bytes_equal(word, kQuotes);
    for (; marks != 0; marks &= marks - 1) {
      const size_t at = i + static_cast<size_t>(std::countr_zero(marks)) / 8;
      if (at >= n) break;
      if (p[at] == '"') return {};
      if (p[at] == '\n') {
        end = at;
        read.bytes = at + 1;
        break;
      }
      take(at);
      start = at + 1;
    }
  }
  if (end > start && p[end - 1] == '\r') --end;  // CRLF
  take(end);
  read.raw = std::string_view(p, end);
  if (field != layout.width) {
    read.reason = kCsvWidthMismatch;
    return read;
  }
  read.parsed = parse_csv_row<Spec>(columns, detail::kInOrder<kColumns>.data(), r, read.reason);
  return read;
}

// Every record of a chunk of whole records (`in` opened on it with
// open_memory), in order: row() gives the row to fill, then done(read,
// line number) says what became of it. Blank lines are skipped. `fields` is
// the RFC 4180 reader's scratch.
template <class Spec, class RowFor, class Done>
STREAMC_PER_RECORD void for_each_csv_record(CsvReader& in, const CsvLayout& layout, std::vector<CsvField>& fields,
                                            RowFor&& row, Done&& done) {
  for (std::string_view rest; !(rest = in.unread()).empty();) {
    if (rest[0] == '\n' || (rest[0] == '\r' && (rest.size() == 1 || rest[1] == '\n'))) {
      in.skip_line(rest[0] == '\n' ? 1 : std::min<size_t>(2, rest.size()), {});
      continue;
    }
    auto& r = row();
    CsvRecordRead read = parse_plain_csv<Spec>(rest, layout, r);
    if (read.bytes != 0) {
      in.skip_line(read.bytes, read.raw);
      done(read, in.line_number());
      continue;
    }
    // A quote: the reader takes the record (never blank: it starts with a field).
    const CsvStatus status = in.next(fields);
    read.raw = in.raw_record();
    read.parsed = parse_csv_record(in, status, fields, layout.width, parse_csv_row<Spec, std::remove_cvref_t<decltype(r)>>,
                                   layout.pos.data(), r, read.reason);
    read.has_value = read.parsed && csv_has_value(fields, layout.value_pos.data());
    done(read, in.line_number());
  }
}

}  // namespace streamc
