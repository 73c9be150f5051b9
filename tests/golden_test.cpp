// Golden regression cases: every folder of golden/ holding a query.sql is one
// test. What a case checks depends on the files beside its query:
//   expected.err  the query must fail to compile with exactly these diagnostics
//   expected.cpp  the generated C++, byte for byte (create it empty to opt in)
//   expected.out  the program's run: its stdout, then `==> stderr <==` and
//                 `==> out/<file> <==` sections, then `==> exit N <==` when N != 0
//   args          arguments for the program, one per line (e.g. --set ...)
// STREAMC_UPDATE_GOLDEN=1 rewrites the expectations instead (tools/update-golden).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status = 0;
  std::string out, err;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// Runs argv in `dir`, capturing stdout and stderr into files (no pipe deadlock).
Outcome run(const std::vector<std::string>& argv, const fs::path& dir, const fs::path& scratch) {
  fs::path out = scratch / "stdout", err = scratch / "stderr";
  std::fflush(stdout);  // the child must not flush our buffered output again
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(126);
    FILE* o = std::freopen(out.c_str(), "w", stdout);
    FILE* e = std::freopen(err.c_str(), "w", stderr);
    if (!o || !e) _exit(126);
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

bool updating() {
  const char* v = std::getenv("STREAMC_UPDATE_GOLDEN");
  return v && *v && std::string(v) != "0";
}

// Compares with the expectation file, or rewrites it in update mode.
void expect_file(const fs::path& expected, const std::string& actual) {
  if (updating()) {
    if (!fs::exists(expected) || read_file(expected) != actual) {
      write_file(expected, actual);
      std::printf("updated %s\n", expected.c_str());
    }
    return;
  }
  std::string want = read_file(expected);
  EXPECT_EQ(want, actual) << "the output differs from " << expected.string()
                          << "\nto accept the new output, run: tools/update-golden";
}

std::vector<std::string> read_args(const fs::path& file) {
  std::vector<std::string> args;
  if (!fs::exists(file)) return args;
  std::istringstream in(read_file(file));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') args.push_back(line);
  }
  return args;
}

class GoldenCase : public testing::Test {
 public:
  explicit GoldenCase(fs::path dir) : dir_(std::move(dir)) {}

  void TestBody() override {
    fs::path scratch = fs::path(STREAMC_GOLDEN_SCRATCH) / dir_.filename();
    fs::create_directories(scratch);
    const std::string streamc = STREAMC_BINARY;
    Outcome checked = run({streamc, "check", "query.sql"}, dir_, scratch);
    if (fs::exists(dir_ / "expected.err") || (updating() && checked.status != 0)) {
      EXPECT_EQ(checked.status, 1) << "a case with expected.err must fail to compile with exit status 1\n"
                                   << checked.err;
      expect_file(dir_ / "expected.err", checked.err);
      return;
    }
    ASSERT_EQ(checked.status, 0) << checked.err;
    if (fs::exists(dir_ / "expected.cpp")) {
      Outcome r = run({streamc, "emit", "query.sql"}, dir_, scratch);
      ASSERT_EQ(r.status, 0) << r.err;
      expect_file(dir_ / "expected.cpp", r.out);
    }
    fs::path binary = scratch / "program";
    Outcome built = run({streamc, "build", "query.sql", "-o", binary.string()}, dir_, scratch);
    ASSERT_EQ(built.status, 0) << built.out << built.err;
    fs::remove_all(dir_ / "out");
    std::vector<std::string> argv = {binary.string()};
    for (auto& a : read_args(dir_ / "args")) argv.push_back(a);
    Outcome r = run(argv, dir_, scratch);
    std::string actual = r.out;
    if (!r.err.empty()) actual += "==> stderr <==\n" + r.err;
    if (fs::exists(dir_ / "out")) {
      std::vector<fs::path> files;
      for (const auto& f : fs::directory_iterator(dir_ / "out")) files.push_back(f.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) actual += "==> out/" + f.filename().string() + " <==\n" + read_file(f);
      fs::remove_all(dir_ / "out");
    }
    if (r.status != 0) actual += "==> exit " + std::to_string(r.status) + " <==\n";
    expect_file(dir_ / "expected.out", actual);
  }

 private:
  fs::path dir_;
};

void register_cases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(STREAMC_GOLDEN_DIR)) {
    if (fs::exists(entry.path() / "query.sql")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  for (const auto& dir : cases) {
    testing::RegisterTest("Golden", dir.filename().c_str(), nullptr, nullptr, __FILE__, __LINE__,
                          [dir]() -> testing::Test* { return new GoldenCase(dir); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  // Builds go to a cache inside the build tree, not the user's.
  setenv("STREAMC_CACHE_DIR", STREAMC_GOLDEN_SCRATCH "/cache", 0);
  register_cases();
  return RUN_ALL_TESTS();
}
