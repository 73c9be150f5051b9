// What the runtime knows of a generated row struct: its strings
// (visit_strings, generated beside each table row) and its NULL bits
// (set_all_null).
#pragma once

#include <string_view>

namespace streamc {

// What a LEFT JOIN sees when a table has no row for the key: every column NULL.
template <class Row>
inline constexpr Row kMissingRow = [] {
  Row r;
  r.set_all_null();
  return r;
}();

// Starts loading the text of a table row's strings (held apart from the row)
// into the cache: the pipelines of a group of records read them after the
// group's probes, and the misses of the whole group overlap.
template <class Row>
inline void prefetch_strings(const Row* found) {
  if (found == nullptr) return;
  visit_strings(*const_cast<Row*>(found), [](std::string_view& s) { __builtin_prefetch(s.data()); });
}

}  // namespace streamc
