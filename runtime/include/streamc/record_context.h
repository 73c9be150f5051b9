// What the pipelines use while a record runs through them, besides the
// state they update: the Program has one (ProgramBase derives from it), and
// so has each lane of a scan that aggregates per thread (lanes.h).
#pragma once

#include <string_view>

#include "streamc/arena.h"
#include "streamc/step.h"

namespace streamc {

// Per-record strings and why the record failed.
class RecordContext {
 public:
  // Per-record strings (UPPER, CONCAT, casts) live until the next record.
  void begin_record() { arena_.reset(); }
  // Why the last pipeline failed (Step::Error).
  std::string_view error() const { return error_; }
  // The record fails with `message` (a literal: it is kept, not copied).
  Step fail(const char* message) {
    error_ = message;
    return Step::Error;
  }

 protected:
  Arena arena_;
  const char* error_ = "";
};

}  // namespace streamc
