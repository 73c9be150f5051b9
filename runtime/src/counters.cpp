// The counters line a program prints at exit.
#include "streamc/counters.h"

#include <cinttypes>

namespace streamc {

void Counters::print(FILE* out, std::string_view program) const {
  std::fprintf(out, "streamc: %.*s: read %" PRIu64 " records, wrote %" PRIu64 ", skipped %" PRIu64,
               static_cast<int>(program.size()), program.data(), read, written, skipped);
  if (late > 0) std::fprintf(out, ", late %" PRIu64, late);
  std::fputc('\n', out);
}

}  // namespace streamc
