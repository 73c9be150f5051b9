// streamc's own golden cases: every folder of golden/ holding a query.sql is
// one GoogleTest test, run with `streamc test <case>` — the same mechanism
// users have (see `streamc test --help` for what a case holds), the hot-path
// check included.
// STREAMC_UPDATE_GOLDEN=1 rewrites the expectations (tools/update-golden).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool updating() {
  const char* v = std::getenv("STREAMC_UPDATE_GOLDEN");
  return v && *v && std::string(v) != "0";
}

class GoldenCase : public testing::Test {
 public:
  explicit GoldenCase(fs::path dir) : dir_(std::move(dir)) {}

  void TestBody() override {
    std::string output;
    int status = run(std::string("'") + STREAMC_BINARY + "' test '" + dir_.string() + "'" +
                         (updating() ? " --update" : ""),
                     output);
    if (updating() && output.find("updated") != std::string::npos) std::printf("%s", output.c_str());
    ASSERT_EQ(status, 0) << output << "to accept the new output, run: tools/update-golden";
    // A case with oracle.sql is also checked against DuckDB running the
    // equivalent batch query over the same files.
    if (fs::exists(dir_ / "oracle.sql")) {
      status = run("node '" STREAMC_SOURCE_DIR "/tools/oracle/differential.mjs' '" + dir_.string() + "'", output);
      EXPECT_EQ(status, 0) << output;
    }
  }

 private:
  static int run(const std::string& command, std::string& output) {
    output.clear();
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buf;
    while (size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
    return WEXITSTATUS(pclose(pipe));
  }

  fs::path dir_;
};

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  // Builds go to a cache inside the build tree, not the user's.
  setenv("STREAMC_CACHE_DIR", STREAMC_GOLDEN_SCRATCH "/cache", 0);
#ifdef STREAMC_HOTPATH_CHECK
  // `streamc test` runs the hot-path check on every case's generated code;
  // named here, a check that cannot run fails the cases instead of being
  // skipped with a note.
  setenv("STREAMC_HOTPATH_CHECK", STREAMC_HOTPATH_CHECK, 1);
#endif
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(STREAMC_GOLDEN_DIR)) {
    if (fs::exists(entry.path() / "query.sql")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  for (const auto& dir : cases) {
    testing::RegisterTest("Golden", dir.filename().c_str(), nullptr, nullptr, __FILE__, __LINE__,
                          [dir]() -> testing::Test* { return new GoldenCase(dir); });
  }
  return RUN_ALL_TESTS();
}
