// Opening and closing a generated program's sinks (streamc/program.h).
#include "streamc/program.h"

namespace streamc {

Sink::Sink(ProgramBase& program, std::string_view path_property, std::string_view header)
    : path_property_(path_property), header_(header) {
  program.sinks_.push_back(this);
}

bool ProgramBase::open(const Config& config, std::string_view query_dir, std::string& error) {
  const bool write_behind = more_than_one_thread(config);
  for (Sink* sink : sinks_) {
    const std::string path = sink->path_property_.empty() ? "-" : config.path(sink->path_property_, query_dir);
    if (!sink->open(path, error)) return false;
    sink->write_behind(write_behind);
    if (!sink->header_.empty()) {
      sink->append(sink->header_);
      sink->end_record();
    }
  }
  return true;
}

void ProgramBase::finish() {
  for (Sink* sink : sinks_) sink->flush();
}

bool ProgramBase::ok() const {
  for (const Sink* sink : sinks_) {
    if (!sink->ok()) {
      std::fprintf(stderr, "error: %s\n", sink->error().c_str());
      return false;
    }
  }
  return true;
}

}  // namespace streamc
