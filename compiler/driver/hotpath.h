// The hot-path check of generated code (tools/hotpath-check: no virtual
// call, heap allocation, string-keyed map or throw in per-record functions)
// as `streamc test` runs it on every case.
#pragma once

#include <string>

namespace streamc {

struct HotpathCheck {
  std::string tool;     // the executable; empty when there is none
  std::string missing;  // why there is none, for the one note that says so
  std::string error;    // a tool that was named but cannot be run
};

// The tool `given` (--hotpath-check), else $STREAMC_HOTPATH_CHECK, else
// hotpath-check beside the streamc executable (where the build puts it
// when Clang's libtooling is installed). A tool named but absent is an error;
// one not found beside streamc is only missing.
HotpathCheck find_hotpath_check(const std::string& given);

// Runs the tool on a generated program written to `cpp_file`; false, with
// the tool's report, when it finds a problem or does not run.
bool run_hotpath_check(const std::string& tool, const std::string& cpp_file, std::string& report);

}  // namespace streamc
