// A runtime-style header for the hot-path check's bad sample: a marked
// per-record loop (checked where it is instantiated, though not in the main
// file) and an unmarked set-up function (not checked).
#pragma once

#include <vector>

#define STREAMC_PER_RECORD [[clang::annotate("streamc::per_record")]]

template <class T>
STREAMC_PER_RECORD int run_group(std::vector<T>& out, T value) {
  out.push_back(value);
  auto each = [&](T v) { return *new T(v); };
  return static_cast<int>(each(value));
}

template <class T>
int open_scan(std::vector<T>& out) {
  out.reserve(16);  // set-up: fine
  return 0;
}
