// streamc build: the content-hashed cache of generated programs and the call of the C++ compiler.
#include "driver/build.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "codegen/generate.h"
#include "driver/build_config.h"

namespace streamc {
namespace {

namespace fs = std::filesystem;

uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string file_stamp(const char* path) {
  struct stat st {};
  if (stat(path, &st) != 0) return "missing";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

// The runtime's identity: a rebuilt library or a changed header (inline code
// the library does not hold) invalidates the cache.
std::string runtime_stamp() {
  std::string stamp = file_stamp(STREAMC_RUNTIME_LIBRARY);
  std::vector<std::string> headers;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(STREAMC_RUNTIME_INCLUDE_DIR "/streamc", ec)) {
    headers.push_back(entry.path().string());
  }
  std::sort(headers.begin(), headers.end());
  for (const std::string& h : headers) stamp += "\n" + h + "=" + file_stamp(h.c_str());
  return stamp;
}

std::vector<std::string> compiler_command(const std::string& source, const std::string& output,
                                          const std::string& query_dir) {
  // Generated code reports errors by value and never throws or catches.
  std::vector<std::string> argv = {STREAMC_CXX_COMPILER, "-std=c++20", "-O2", "-DNDEBUG", "-w", "-fno-exceptions",
                                   "-DSTREAMC_QUERY_DIR=\"" + query_dir + "\"", "-I" STREAMC_RUNTIME_INCLUDE_DIR};
  // The precompiled runtime headers, when the build made them (the same flags as above).
  struct stat st {};
  if (stat(STREAMC_PCH_FILE, &st) == 0) {
    argv.push_back("-include");
    argv.push_back(STREAMC_PCH_HEADER);
  }
  for (std::string a : {source, std::string("-o"), output, std::string(STREAMC_RUNTIME_LIBRARY), std::string("-lsimdjson")}) {
    argv.push_back(a);
  }
  return argv;
}

// Runs a command, capturing stdout and stderr; returns the exit status.
int run_capture(const std::vector<std::string>& argv, std::string& output) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    dup2(pipe_fds[1], 1);
    dup2(pipe_fds[1], 2);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    std::perror(args[0]);
    _exit(127);
  }
  close(pipe_fds[1]);
  char buf[4096];
  ssize_t n;
  while ((n = read(pipe_fds[0], buf, sizeof buf)) > 0) output.append(buf, static_cast<size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string cache_directory() {
  if (const char* dir = std::getenv("STREAMC_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/streamc";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/streamc";
  return "/tmp/streamc-cache";
}

BuildResult build_program(const BuildRequest& request) {
  BuildResult result;
  uint64_t h = fnv1a(request.cpp);
  for (const auto& part : compiler_command("", "", request.query_dir)) h = fnv1a(part + '\n', h);
  h = fnv1a(runtime_stamp(), h);
  h = fnv1a(STREAMC_VERSION, h);
  fs::path dir = fs::path(cache_directory()) / hex(h);
  fs::path binary = dir / "program";
  std::error_code ec;
  if (fs::exists(binary, ec)) {
    result.cached = true;
  } else {
    fs::create_directories(dir, ec);
    if (ec) {
      result.error = "cannot create the cache directory '" + dir.string() + "': " + ec.message();
      return result;
    }
    fs::path source = dir / "program.cpp";
    std::ofstream(source, std::ios::binary) << (request.format ? format_cpp(request.cpp) : request.cpp);
    // Build to a temporary name and rename: a crash never leaves a broken cache entry.
    fs::path temporary = dir / ("program.tmp." + std::to_string(getpid()));
    auto argv = compiler_command(source.string(), temporary.string(), request.query_dir);
    if (!request.progress.empty()) std::fprintf(stderr, "%s\n", request.progress.c_str());
    if (request.verbose) {
      std::string line;
      for (const auto& a : argv) line += (line.empty() ? "" : " ") + a;
      std::fprintf(stderr, "%s\n", line.c_str());
    }
    std::string output;
    int status = run_capture(argv, output);
    if (status != 0) {
      fs::remove(temporary, ec);
      result.error = output.empty() ? "the C++ compiler failed (exit " + std::to_string(status) + ")" : output;
      return result;
    }
    fs::rename(temporary, binary, ec);
    if (ec) {
      result.error = "cannot store the binary in the cache: " + ec.message();
      return result;
    }
  }
  result.binary = binary.string();
  if (!request.output.empty()) {
    fs::path out = request.output;
    fs::remove(out, ec);
    fs::copy_file(binary, out, fs::copy_options::overwrite_existing, ec);
    if (ec) {
      result.error = "cannot write '" + request.output + "': " + ec.message();
      return result;
    }
    result.binary = out.string();
  }
  result.ok = true;
  return result;
}

}  // namespace streamc
