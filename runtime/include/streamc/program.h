// What every generated program has besides its query: the headers it
// includes, the base of its Program class (counters, per-record scratch
// space, why the last pipeline failed), opening and closing its sinks, and
// main's run: open, read the sources, flush, report.
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "streamc/connector.h"
#include "streamc/groups.h"
#include "streamc/lanes.h"
#include "streamc/record_context.h"
#include "streamc/analytics.h"
#include "streamc/held.h"
#include "streamc/recent.h"
#include "streamc/sessions.h"
#include "streamc/windows.h"
#include "streamc/hash_table.h"
#include "streamc/row.h"
#include "streamc/row_parse.h"
#include "streamc/runtime.h"
#include "streamc/scalar.h"
#include "streamc/scan.h"
#include "streamc/sink_fields.h"
#include "streamc/step.h"
#include "streamc/stream_scan.h"
#include "streamc/table_loader.h"

namespace streamc {

class Sink;

// The generated Program derives from this. A program with LIMITs hides
// done(); one with watched tables hides any_watched() and poll_tables().
// (The runtime's templates call them on the Program's own type: no virtual
// call.)
class ProgramBase : public RecordContext {
 public:
  Counters counters;

  // Opens every sink; false with the message when one does not open.
  bool open(const Config& config, std::string_view query_dir, std::string& error);
  // At the end: every sink's buffer written out; then the first write error
  // of any (printed).
  void finish();
  bool ok() const;

  // Every pipeline has reached its LIMIT: reading stops.
  bool done() const { return false; }
  // Watched tables: rows appended to their files apply before the next
  // stream record is processed.
  bool any_watched() const { return false; }
  bool poll_tables() { return true; }

 protected:
  int64_t last_poll_ms_ = 0;  // when watched tables were last looked at

 private:
  friend class Sink;
  std::vector<Sink*> sinks_;  // in the order the program declares them
};

// A sink of the program: a Writer opened at the path its property gives
// ("-", standard output, when it has none), its CSV header written first.
// With more than one thread, full buffers are written by a thread of their
// own. Declared as a member of the Program, it joins the program's sinks.
class Sink : public Writer {
 public:
  Sink(ProgramBase& program, std::string_view path_property, std::string_view header);
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

 private:
  friend class ProgramBase;
  std::string_view path_property_;
  std::string_view header_;
};

// main: the run-time properties (`add_properties` registers them) set from
// the command line; then the program opened (its sinks), `read(config)`
// run (the tables loaded, then the streams read to their end), the sinks
// flushed, the counters printed (and the tables' sizes with --set
// stats=true). The exit status: 0, or 1 after an error (2: bad arguments).
template <class Program, class Read>
int run_program(int argc, char** argv, const ProgramInfo& info, void (*add_properties)(Config&), Program& program,
                Read&& read) {
  Config config;
  add_properties(config);
  if (int rc = config.parse_args(argc, argv, info); rc >= 0) return rc;
  std::string error;
  if (!program.open(config, info.query_dir, error)) {
    std::fprintf(stderr, "%.*s: error: %s\n", static_cast<int>(info.name.size()), info.name.data(), error.c_str());
    return 1;
  }
  const bool ok = read(static_cast<const Config&>(config));
  program.finish();
  if constexpr (requires { program.print_table_stats(); }) {
    if (config.get("stats") == "true") program.print_table_stats();
  }
  program.counters.print(stderr, info.name);
  return ok && program.ok() ? 0 : 1;
}

}  // namespace streamc
