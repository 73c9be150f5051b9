// `streamc test`: runs golden cases (see golden_runner.h).
#include "driver/golden_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "codegen/generate.h"
#include "driver/build.h"
#include "driver/frontend.h"
#include "driver/hotpath.h"

namespace streamc {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Outcome {
  int status = 0;
  std::string out, err;
};

// Runs a program in `dir`, its stdout and stderr captured in files.
Outcome run_program(const std::vector<std::string>& argv, const fs::path& dir, const fs::path& scratch) {
  fs::path out = scratch / "stdout", err = scratch / "stderr";
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(126);
    if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(err.c_str(), "w", stderr)) _exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(out), read_file(err)};
}

// The first line where two texts differ, shown both ways.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "  (they differ only in the final newline)\n";
    if (!ha || !hb || la != lb) {
      return "  line " + std::to_string(line) + "\n    expected: " + (ha ? la : "(end of file)") +
             "\n    actual:   " + (hb ? lb : "(end of file)") + "\n";
    }
  }
}

class CaseRunner {
 public:
  CaseRunner(fs::path dir, const GoldenOptions& options) : dir_(std::move(dir)), options_(options) {}

  bool run() {
    fs::path scratch = fs::temp_directory_path() / ("streamc-test-" + std::to_string(getpid()));
    fs::create_directories(scratch);
    bool ok = run_case(scratch);
    std::error_code ec;
    fs::remove_all(scratch, ec);
    return ok;
  }

  const std::string& report() const { return report_; }

 private:
  // Compares with an expectation file, or rewrites it with --update.
  bool expect(const std::string& name, const std::string& actual) {
    fs::path file = dir_ / name;
    if (options_.update) {
      if (!fs::exists(file) || read_file(file) != actual) {
        std::ofstream(file, std::ios::binary) << actual;
        report_ += "  updated " + name + "\n";
      }
      return true;
    }
    if (!fs::exists(file)) {
      report_ += "  " + name + " is missing (run with --update to write it)\n";
      return false;
    }
    std::string want = read_file(file);
    if (want == actual) return true;
    report_ += "  " + name + " differs:\n" + first_difference(want, actual);
    return false;
  }

  bool run_case(const fs::path& scratch) {
    // Compile in the case's folder so diagnostics name `query.sql`.
    fs::path previous = fs::current_path();
    fs::current_path(dir_);
    Compilation c = compile_query("query.sql");
    std::string diagnostics = c.diags->render();
    std::string cpp;
    if (c.ok()) {
      GenerateOptions options;
      options.query_file = "query.sql";
      cpp = generate_cpp(*c.plan, options);
    }
    fs::current_path(previous);

    if (!c.ok() || fs::exists(dir_ / "expected.err")) {
      if (c.ok()) {
        report_ += "  the query compiles, but expected.err says it should not\n";
        return false;
      }
      return expect("expected.err", diagnostics);
    }
    bool ok = true;
    if (fs::exists(dir_ / "expected.cpp")) ok = expect("expected.cpp", cpp) && ok;
    if (!options_.hotpath_check.empty()) ok = check_hot_path(cpp, scratch) && ok;

    BuildRequest request;
    request.cpp = cpp;
    request.query_dir = fs::absolute(dir_).lexically_normal().string();
    BuildResult built = build_program(request);
    if (!built.ok) {
      report_ += "  the generated program did not compile:\n" + built.error;
      return false;
    }
    std::error_code ec;
    fs::remove_all(dir_ / "out", ec);
    std::vector<std::string> argv = {built.binary};
    if (fs::exists(dir_ / "args")) {
      std::istringstream in(read_file(dir_ / "args"));
      for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') argv.push_back(line);
      }
    }
    Outcome r = run_program(argv, dir_, scratch);
    std::string actual = r.out;
    if (!r.err.empty()) actual += "==> stderr <==\n" + r.err;
    if (fs::exists(dir_ / "out")) {
      std::vector<fs::path> files;
      for (const auto& f : fs::directory_iterator(dir_ / "out")) files.push_back(f.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) actual += "==> out/" + f.filename().string() + " <==\n" + read_file(f);
      fs::remove_all(dir_ / "out", ec);
    }
    if (r.status != 0) actual += "==> exit " + std::to_string(r.status) + " <==\n";
    return expect("expected.out", actual) && ok;
  }

  // No virtual call, heap allocation, string-keyed map or throw per record.
  bool check_hot_path(const std::string& cpp, const fs::path& scratch) {
    fs::path file = scratch / (dir_.filename().string() + ".cpp");
    std::ofstream(file, std::ios::binary) << cpp;
    std::string found;
    if (run_hotpath_check(options_.hotpath_check, file.string(), found)) return true;
    report_ += "  the hot-path check failed (lines of `streamc emit query.sql`):\n";
    std::istringstream lines(found);
    for (std::string line; std::getline(lines, line);) report_ += "    " + line + "\n";
    return false;
  }

  fs::path dir_;
  const GoldenOptions& options_;
  std::string report_;
};

}  // namespace

int run_golden(const std::string& dir, const GoldenOptions& options) {
  std::vector<fs::path> cases;
  if (fs::exists(fs::path(dir) / "query.sql")) {
    cases.push_back(dir);
  } else if (fs::is_directory(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (fs::exists(entry.path() / "query.sql")) cases.push_back(entry.path());
    }
  }
  if (cases.empty()) {
    std::fprintf(stderr, "streamc: error: no case in '%s' (a case is a folder with a query.sql)\n", dir.c_str());
    return 1;
  }
  std::sort(cases.begin(), cases.end());
  int failed = 0;
  for (const auto& c : cases) {
    CaseRunner runner(c, options);
    bool ok = runner.run();
    failed += ok ? 0 : 1;
    if (!ok || options.verbose || !runner.report().empty()) {
      std::printf("%s %s\n%s", ok ? (options.update ? "UPDATED" : "PASS") : "FAIL", c.string().c_str(),
                  runner.report().c_str());
    }
  }
  std::printf("%zu passed, %d failed\n", cases.size() - failed, failed);
  return failed;
}

}  // namespace streamc
