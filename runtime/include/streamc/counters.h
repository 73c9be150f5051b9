// Record counters every generated program keeps and prints at exit.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string_view>

namespace streamc {

struct Counters {
  uint64_t read = 0;
  uint64_t written = 0;
  uint64_t skipped = 0;
  uint64_t late = 0;  // records that arrived after their window closed

  // One line: "streamc: <program>: read 1000 records, wrote 250, skipped 0"
  // (", late N" is added when records were late).
  void print(FILE* out, std::string_view program) const;
};

}  // namespace streamc
