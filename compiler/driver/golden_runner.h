// `streamc test`: golden-file regression cases for users' queries and for
// streamc's own golden/ folder. A case is a folder with a query.sql; beside
// it, what the case expects:
//   expected.err  the query must fail to compile with exactly these diagnostics
//   expected.cpp  the generated C++, byte for byte
//   expected.out  the program's run: its stdout, then `==> stderr <==` and
//                 `==> out/<file> <==` sections, then `==> exit N <==` if N != 0
//   args          arguments for the program, one per line
// With --update the expectations are rewritten from what happens now. Every
// generated program also passes the hot-path check when a tool is given.
#pragma once

#include <string>

namespace streamc {

struct GoldenOptions {
  bool update = false;
  bool verbose = false;
  std::string hotpath_check;  // the hot-path check tool; empty: not run
};

// Runs the case in `dir`, or every case in its subfolders. Returns the
// number of failed cases; prints one line per case and a diff on failure.
int run_golden(const std::string& dir, const GoldenOptions& options);

}  // namespace streamc
