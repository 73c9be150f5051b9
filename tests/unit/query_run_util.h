// Runs a query end to end for the compiler's behaviour tests: the query and
// its input files go to a fresh folder, `streamc run` builds (cached) and
// runs it, and the test reads what the program wrote.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace streamc::testing_util {

struct QueryRun {
  int status = -1;  // the exit status of `streamc run`, the program's own once it ran
  std::string out, err;
  std::vector<std::string> outputs;  // the files asked for, as the program left them
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `files` are (name, content) pairs written beside the query; `args` go to
// the program (--set ...); `outputs` name files it writes, read afterwards.
inline QueryRun run_query(const std::string& sql, const std::vector<std::pair<std::string, std::string>>& files,
                          const std::string& args = "", const std::vector<std::string>& outputs = {}) {
  namespace fs = std::filesystem;
  static int runs = 0;
  fs::path dir = fs::temp_directory_path() /
                 ("streamc-query-" + std::to_string(getpid()) + "-" + std::to_string(runs++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "q.sql", std::ios::binary) << sql;
  for (const auto& [name, content] : files) std::ofstream(dir / name, std::ios::binary) << content;
  // One cache for every run: a program already built is not built again.
  setenv("STREAMC_CACHE_DIR", (fs::temp_directory_path() / "streamc-query-test-cache").c_str(), 1);
  std::string command = "cd '" + dir.string() + "' && '" STREAMC_BINARY "' run q.sql " + args + " >stdout 2>stderr";
  QueryRun r;
  int status = std::system(command.c_str());
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(dir / "stdout");
  r.err = slurp(dir / "stderr");
  for (const std::string& name : outputs) r.outputs.push_back(slurp(dir / name));
  fs::remove_all(dir);
  return r;
}

}  // namespace streamc::testing_util
