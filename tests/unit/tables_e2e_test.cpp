// End to end: a generated program whose table file changes while the stream
// runs ('watch'), and one whose table file is missing at start
// ('file.wait.timeout'). The stream is a pipe the test writes to, so the
// order of table changes and stream records is under the test's control.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, const std::string& text, bool append = false) {
  std::ofstream out(p, append ? std::ios::app : std::ios::trunc);
  out << text;
}

void pause_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

class TablesEndToEnd : public testing::Test {
 protected:
  void SetUp() override {
    signal(SIGPIPE, SIG_IGN);  // a program that stopped early must fail the test, not kill it
    dir_ = fs::temp_directory_path() / ("streamc-tables-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // One cache for every test: the program is built once.
    setenv("STREAMC_CACHE_DIR", (fs::temp_directory_path() / "streamc-tables-test-cache").c_str(), 1);
    write_file(dir_ / "q.sql",
               "CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)\n"
               "  WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv', 'watch' = 'true');\n"
               "CREATE STREAM trades (id INT, user_id VARCHAR)\n"
               "  WITH ('connector' = 'file', 'path' = '-', 'format' = 'json');\n"
               "SELECT t.id, u.tier FROM trades t LEFT JOIN users u ON t.user_id = u.user_id;\n");
    std::string build = std::string(STREAMC_BINARY) + " build " + (dir_ / "q.sql").string() + " -o " +
                        (dir_ / "prog").string();
    ASSERT_EQ(std::system(build.c_str()), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Starts the program with a pipe as its stream; its stdout and stderr go to files.
  pid_t start(const std::vector<std::string>& args, int& stream) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    const std::string program = (dir_ / "prog").string(), out_path = (dir_ / "out").string(),
                      err_path = (dir_ / "err").string();
    pid_t pid = fork();
    if (pid == 0) {
      dup2(fds[0], 0);
      close(fds[0]);
      close(fds[1]);
      int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<char*> argv = {const_cast<char*>(program.c_str())};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[0]);
    stream = fds[1];
    return pid;
  }

  static void send(int fd, const std::string& line) {
    std::string text = line + "\n";
    ASSERT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }

  int finish(pid_t pid, int stream) {
    close(stream);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string read(const char* name) {
    std::ifstream in(dir_ / name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path dir_;
};

TEST_F(TablesEndToEnd, WatchedTableChangesApplyBeforeLaterRecords) {
  write_file(dir_ / "users.csv", "user_id,tier\nu1,gold\n");
  int stream = -1;
  pid_t pid = start({}, stream);
  send(stream, R"({"id": 1, "user_id": "u1"})");
  send(stream, R"({"id": 2, "user_id": "u2"})");
  pause_ms(500);
  write_file(dir_ / "users.csv", "u2,silver\nu1,", true);  // the last row is still being written
  pause_ms(500);
  send(stream, R"({"id": 3, "user_id": "u2"})");
  send(stream, R"({"id": 4, "user_id": "u1"})");
  pause_ms(500);
  write_file(dir_ / "users.csv", "platinum\nu2,\n", true);  // u1 updated; u2 deleted (all non-key NULL)
  pause_ms(500);
  send(stream, R"({"id": 5, "user_id": "u1"})");
  send(stream, R"({"id": 6, "user_id": "u2"})");
  EXPECT_EQ(finish(pid, stream), 0) << read("err");
  EXPECT_EQ(read("out"),
            "{\"id\":1,\"tier\":\"gold\"}\n"
            "{\"id\":2,\"tier\":null}\n"
            "{\"id\":3,\"tier\":\"silver\"}\n"
            "{\"id\":4,\"tier\":\"gold\"}\n"
            "{\"id\":5,\"tier\":\"platinum\"}\n"
            "{\"id\":6,\"tier\":null}\n");
}

TEST_F(TablesEndToEnd, MissingTableFileFailsAndNamesTheWaitProperty) {
  int stream = -1;
  pid_t pid = start({}, stream);
  EXPECT_EQ(finish(pid, stream), 1);
  EXPECT_NE(read("err").find("cannot open 'users.csv' for 'users': No such file or directory; to wait for it, set "
                             "'users.file.wait.timeout'"),
            std::string::npos)
      << read("err");
}

TEST_F(TablesEndToEnd, WaitsForATableFileThatAppearsLater) {
  int stream = -1;
  pid_t pid = start({"--set", "users.file.wait.timeout=10s", "--set", "users.file.retry.interval=100ms"}, stream);
  pause_ms(300);
  write_file(dir_ / "users.csv.tmp", "user_id,tier\nu1,gold\n");
  fs::rename(dir_ / "users.csv.tmp", dir_ / "users.csv");
  send(stream, R"({"id": 1, "user_id": "u1"})");
  EXPECT_EQ(finish(pid, stream), 0) << read("err");
  EXPECT_EQ(read("out"), "{\"id\":1,\"tier\":\"gold\"}\n");
  EXPECT_NE(read("err").find("waiting up to 10s for 'users.csv' (users) to appear"), std::string::npos) << read("err");
}

}  // namespace
