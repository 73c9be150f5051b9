// Finds and runs the hot-path check for `streamc test`.
#include "driver/hotpath.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "driver/build_config.h"

namespace streamc {
namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& p) { return fs::is_regular_file(p) && access(p.c_str(), X_OK) == 0; }

}  // namespace

HotpathCheck find_hotpath_check(const std::string& given) {
  HotpathCheck check;
  std::string named = given;
  if (named.empty()) {
    const char* env = std::getenv("STREAMC_HOTPATH_CHECK");
    if (env && *env) named = env;
  }
  if (!named.empty()) {
    if (executable(named)) check.tool = named;
    else check.error = "the hot-path check '" + named + "' is not an executable file";
    return check;
  }
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  fs::path beside = self.parent_path() / "hotpath-check";
  if (!ec && executable(beside)) {
    check.tool = beside.string();
  } else {
    check.missing = "no hotpath-check beside " + (ec ? std::string("streamc") : self.string()) +
                    " (it is built with Clang's libtooling) and STREAMC_HOTPATH_CHECK is not set";
  }
  return check;
}

bool run_hotpath_check(const std::string& tool, const std::string& cpp_file, std::string& report) {
  fs::path output = fs::path(cpp_file).replace_extension(".hotpath");
  std::vector<std::string> argv = {tool, cpp_file, "--", "-std=c++20", "-DNDEBUG", "-I" STREAMC_RUNTIME_INCLUDE_DIR};
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen(output.c_str(), "w", stdout) || dup2(fileno(stdout), 2) < 0) _exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::fprintf(stdout, "cannot run '%s'\n", args[0]);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::ifstream in(output, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  report = text.str();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace streamc
