// name: runtime errors
// description: the on.error policies fail, skip and dlq for bad input records
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "runtime_test_util.h"
#include "streamc/errors.h"

namespace streamc {
namespace {

using testing_util::read_file;
using testing_util::TempDir;

// A FILE* whose contents can be read back.
class Log {
 public:
  Log() : file_(std::tmpfile()) {}
  ~Log() { std::fclose(file_); }
  FILE* get() const { return file_; }
  std::string text() const {
    std::fflush(file_);
    std::rewind(file_);
    std::string out;
    for (int c; (c = std::fgetc(file_)) != EOF;) out += static_cast<char>(c);
    return out;
  }

 private:
  FILE* file_;
};

TEST(ParseOnError, Policies) {
  OnError p = OnError::Skip;
  EXPECT_TRUE(parse_on_error("fail", p));
  EXPECT_EQ(p, OnError::Fail);
  EXPECT_TRUE(parse_on_error("SKIP", p));
  EXPECT_EQ(p, OnError::Skip);
  EXPECT_TRUE(parse_on_error("Dlq", p));
  EXPECT_EQ(p, OnError::Dlq);
  EXPECT_FALSE(parse_on_error("ignore", p));
  EXPECT_FALSE(parse_on_error("", p));
  EXPECT_FALSE(parse_on_error("skip ", p));
}

TEST(BadRecordHandler, FailStopsWithLocation) {
  Log log;
  BadRecordHandler h("trades", OnError::Fail, "", log.get());
  EXPECT_FALSE(h.handle("data/t.csv", 12, "x,y", "cannot parse 'x' as INT for column 'qty'"));
  EXPECT_EQ(log.text(), "error: data/t.csv:12: cannot parse 'x' as INT for column 'qty'\n");
  EXPECT_EQ(h.skipped(), 0u);
  EXPECT_EQ(h.policy(), OnError::Fail);
}

TEST(BadRecordHandler, SkipWarnsTenTimesThenCounts) {
  Log log;
  BadRecordHandler h("trades", OnError::Skip, "", log.get());
  for (uint64_t line = 1; line <= 25; ++line) {
    EXPECT_TRUE(h.handle("t.csv", line, "raw", "bad value"));
  }
  EXPECT_EQ(h.skipped(), 25u);
  std::string expected;
  for (int line = 1; line <= 10; ++line) {
    expected += "warning: t.csv:" + std::to_string(line) + ": skipped: bad value\n";
  }
  expected += "warning: trades: further bad records are skipped without a message\n";
  EXPECT_EQ(log.text(), expected);
}

TEST(BadRecordHandler, DlqWritesJsonLinesLazily) {
  TempDir dir;
  Log log;
  const std::string dlq = dir.file("dead/trades.jsonl");
  {
    BadRecordHandler h("trades", OnError::Dlq, dlq, log.get());
    EXPECT_FALSE(std::ifstream(dlq).good());  // nothing bad yet: no file
    EXPECT_TRUE(h.handle("t.jsonl", 3, "{\"qty\": \"x\"}", "field 'qty': expected INT"));
    // Written at once, not at exit.
    EXPECT_EQ(read_file(dlq),
              "{\"source\":\"trades\",\"file\":\"t.jsonl\",\"line\":3,"
              "\"reason\":\"field 'qty': expected INT\",\"raw\":\"{\\\"qty\\\": \\\"x\\\"}\"}\n");
    EXPECT_TRUE(h.handle("t.jsonl", 9, "a\tb", "r"));
    EXPECT_EQ(h.skipped(), 2u);
  }
  const std::string text = read_file(dlq);
  EXPECT_NE(text.find("\"line\":9,\"reason\":\"r\",\"raw\":\"a\\tb\"}\n"), std::string::npos) << text;
  EXPECT_EQ(log.text(), "");
}

TEST(BadRecordHandler, DlqThatCannotBeOpenedStops) {
  TempDir dir;
  Log log;
  const std::string blocker = dir.write("file", "x");
  BadRecordHandler h("trades", OnError::Dlq, blocker + "/dlq.jsonl", log.get());
  EXPECT_FALSE(h.handle("t.csv", 1, "raw", "bad"));
  EXPECT_EQ(log.text(), "error: trades: dead-letter output: cannot open '" + blocker +
                            "/dlq.jsonl': Not a directory\n");
  EXPECT_EQ(h.skipped(), 0u);
}

}  // namespace
}  // namespace streamc
