// The 'on.error' policy for input records that do not parse or convert:
// fail (stop with the location and reason), skip (count, log the first few)
// or dlq (write the record and reason to a dead-letter file as JSON lines).
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace streamc {

class Writer;

enum class OnError { Fail, Skip, Dlq };

// "fail", "skip" or "dlq", any case.
bool parse_on_error(std::string_view text, OnError& out);

class BadRecordHandler {
 public:
  // Skip-mode warnings printed before the handler only counts.
  static constexpr uint64_t kMaxWarnings = 10;

  // The dead-letter file is opened on the first bad record, so a clean run
  // leaves no empty file behind. Messages go to `log` (stderr by default).
  BadRecordHandler(std::string source, OnError policy, std::string dlq_path,
                   FILE* log = stderr);
  ~BadRecordHandler();
  BadRecordHandler(const BadRecordHandler&) = delete;
  BadRecordHandler& operator=(const BadRecordHandler&) = delete;

  // Called for each bad record; `file`:`line` locates it (a topic and offset
  // for Kafka). True when processing continues (skip, dlq); false when the
  // program must stop (fail, or the dead-letter file cannot be written),
  // after printing "error: <file>:<line>: <reason>".
  bool handle(std::string_view file, uint64_t line, std::string_view raw, std::string_view reason);

  // A record that came after its windows closed, with 'late.data.strategy'
  // = 'dead_letter': written to the dead-letter file with the reason
  // "late" whatever the policy (not counted as skipped: the program counts
  // late records). False when the file cannot be written.
  bool late(std::string_view file, uint64_t line, std::string_view raw) {
    return write_dead_letter(file, line, raw, "late");
  }

  // Records skipped or dead-lettered so far.
  uint64_t skipped() const { return skipped_; }
  OnError policy() const { return policy_; }

 private:
  bool write_dead_letter(std::string_view file, uint64_t line, std::string_view raw,
                         std::string_view reason);

  std::string source_;
  OnError policy_;
  std::string dlq_path_;
  FILE* log_;
  std::unique_ptr<Writer> dlq_;
  uint64_t skipped_ = 0;
};

}  // namespace streamc
