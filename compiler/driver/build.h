// Compiles generated C++ into a binary with the C++ compiler recorded at
// configure time, linked with libstreamc_runtime. Binaries are cached by a
// hash of everything that goes into them, so an unchanged query builds
// instantly the second time.
#pragma once

#include <string>

namespace streamc {

struct BuildRequest {
  std::string cpp;          // the generated program (the cache key)
  bool format = false;      // format it (libFormat) before compiling: only on a cache miss
  std::string query_dir;    // stamped in as STREAMC_QUERY_DIR
  std::string output;       // where the binary goes; empty: leave it in the cache
  bool verbose = false;     // print the compiler command
  std::string progress;     // when set, printed on stderr before a (slow) uncached build
};

struct BuildResult {
  bool ok = false;
  bool cached = false;
  std::string binary;       // path of the built (or cached) binary
  std::string error;        // the compiler's output when it failed
};

BuildResult build_program(const BuildRequest& request);

// The directory binaries are cached in: $STREAMC_CACHE_DIR, else
// $XDG_CACHE_HOME/streamc, else ~/.cache/streamc.
std::string cache_directory();

}  // namespace streamc
