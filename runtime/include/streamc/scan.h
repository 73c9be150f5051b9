// Small helpers for the scan loops of generated programs.
#pragma once

#include <simdjson.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "streamc/input.h"
#include "streamc/json.h"
#include "streamc/scalar.h"

namespace streamc {

// The position of `name` in a CSV header (exact match first, then ignoring
// ASCII case); -1 when absent.
int find_column(const std::vector<CsvField>& header, std::string_view name);

// Table readiness: a missing input file fails at once, naming the property
// that makes the program wait for it; with `timeout` ("30s") it waits,
// looking every `retry` ("1s"), and says on stderr what it waits for. "-"
// (stdin) is never waited for.
bool wait_for_file(const std::string& path, std::string_view shown, std::string_view source,
                   std::string_view timeout, std::string_view retry, std::string& error);

// One line of `--set stats=true`: rows, bytes and bytes per row of a table.
void print_table_stats(FILE* out, std::string_view table, size_t rows, size_t bytes);
// The same for other state: "streamc: groups_0_ (group state): 408 entries, 65536 bytes".
void print_state_stats(FILE* out, std::string_view member, std::string_view kind, size_t entries, size_t bytes);

// A clock for deciding when to look at watched files again: cheap enough to
// read once per record.
int64_t coarse_now_ms();
// The time of day as milliseconds since the epoch (to a few milliseconds):
// the event time of a record whose window uses processing time.
int64_t wall_clock_ms();

// A JSON string holding a date ('2025-09-27'), as days since the epoch.
inline bool json_to_date(JsonValue& v, int32_t& days) {
  std::string_view text;
  return json_to_string(v, text) && parse_date(text, days);
}

}  // namespace streamc

namespace streamc {

// The row of a set: a HashTable<Key, Present> holds keys only (the values of
// an uncorrelated `x IN (SELECT ...)`).
struct Present {};
template <class F>
inline void visit_strings(Present&, F&&) {}

}  // namespace streamc

namespace streamc {

// Where the rows of one index key start in an index's row array, and how
// many there are (a subquery correlated on columns other than the key).
struct RowSpan {
  uint32_t begin = 0;
  uint32_t count = 0;
};
template <class F>
inline void visit_strings(RowSpan&, F&&) {}

}  // namespace streamc
