// Bad records: the fail, skip and dlq policies, and the dead-letter file.
#include "streamc/errors.h"

#include <cinttypes>

#include "streamc/output.h"
#include "streamc/text.h"

namespace streamc {
namespace {

int width(std::string_view s) { return static_cast<int>(s.size()); }

}  // namespace

bool parse_on_error(std::string_view text, OnError& out) {
  if (ascii_iequals(text, "fail")) {
    out = OnError::Fail;
  } else if (ascii_iequals(text, "skip")) {
    out = OnError::Skip;
  } else if (ascii_iequals(text, "dlq")) {
    out = OnError::Dlq;
  } else {
    return false;
  }
  return true;
}

BadRecordHandler::BadRecordHandler(std::string source, OnError policy, std::string dlq_path,
                                   FILE* log)
    : source_(std::move(source)), policy_(policy), dlq_path_(std::move(dlq_path)), log_(log) {}

BadRecordHandler::~BadRecordHandler() = default;

bool BadRecordHandler::handle(std::string_view file, uint64_t line, std::string_view raw,
                              std::string_view reason) {
  switch (policy_) {
    case OnError::Fail:
      std::fprintf(log_, "error: %.*s:%" PRIu64 ": %.*s\n", width(file), file.data(), line,
                   width(reason), reason.data());
      return false;
    case OnError::Skip:
      ++skipped_;
      if (skipped_ <= kMaxWarnings) {
        std::fprintf(log_, "warning: %.*s:%" PRIu64 ": skipped: %.*s\n", width(file), file.data(),
                     line, width(reason), reason.data());
      }
      if (skipped_ == kMaxWarnings + 1) {
        std::fprintf(log_, "warning: %s: further bad records are skipped without a message\n",
                     source_.c_str());
      }
      return true;
    case OnError::Dlq:
      if (!write_dead_letter(file, line, raw, reason)) return false;
      ++skipped_;
      return true;
  }
  return false;
}

bool BadRecordHandler::write_dead_letter(std::string_view file, uint64_t line,
                                         std::string_view raw, std::string_view reason) {
  if (!dlq_) {
    dlq_ = std::make_unique<Writer>();
    std::string error;
    if (!dlq_->open(dlq_path_, error)) {
      std::fprintf(log_, "error: %s: dead-letter output: %s\n", source_.c_str(), error.c_str());
      return false;
    }
  }
  Writer& w = *dlq_;
  w.append("{\"source\":");
  w.append_json_string(source_);
  w.append(",\"file\":");
  w.append_json_string(file);
  w.append(",\"line\":");
  w.append_int(static_cast<int64_t>(line));
  w.append(",\"reason\":");
  w.append_json_string(reason);
  w.append(",\"raw\":");
  w.append_json_string(raw);
  w.append_char('}');
  w.end_record();
  // Bad records are rare; writing each at once means none is lost if the
  // program dies later.
  w.flush();
  if (!w.ok()) {
    std::fprintf(log_, "error: %s: dead-letter output: %s\n", source_.c_str(), w.error().c_str());
    return false;
  }
  return true;
}

}  // namespace streamc
