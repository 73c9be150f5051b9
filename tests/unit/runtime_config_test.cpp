// name: runtime config
// description: run-time properties, command-line parsing, durations and paths
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "streamc/config.h"
#include "streamc/connector.h"

namespace streamc {
namespace {

// A FILE* whose contents can be read back.
struct Capture {
  FILE* file = std::tmpfile();
  ~Capture() { std::fclose(file); }
  std::string text() const {
    std::fflush(file);
    std::rewind(file);
    std::string out;
    for (int c; (c = std::fgetc(file)) != EOF;) out += static_cast<char>(c);
    return out;
  }
};

const ProgramInfo kInfo{"trade_enrichment", "1.2.0", "queries/enrich.sql",
                        "Enriches trades with user tiers"};

Config make_config() {
  Config c;
  register_properties(c, file_connector(), kStream, "trades", {{"path", "./data/trades.jsonl"}});
  register_properties(c, file_connector(), kSink, "big_trades", {{"path", "out/big.csv"}});
  return c;
}

// parse_args over a list of arguments (argv[0] included).
int run(Config& c, std::vector<std::string> args, Capture& out, Capture& err) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return c.parse_args(static_cast<int>(argv.size()), argv.data(), kInfo, out.file, err.file);
}

TEST(Config, DefaultsAndGet) {
  Config c = make_config();
  EXPECT_EQ(c.get("trades.path"), "./data/trades.jsonl");
  EXPECT_TRUE(c.has("trades.on.error"));
  EXPECT_FALSE(c.has("trades.format"));
  EXPECT_EQ(c.get("trades.format"), "");
  c.set_default("trades.path", "other.jsonl");  // re-registering replaces
  EXPECT_EQ(c.get("trades.path"), "other.jsonl");
}

TEST(Config, SetOverridesKnownProperties) {
  Config c = make_config();
  std::string error;
  EXPECT_TRUE(c.set("trades.on.error", "skip", error));
  EXPECT_EQ(c.get("trades.on.error"), "skip");
  EXPECT_FALSE(c.set("trades.paht", "x", error));
  EXPECT_EQ(error,
            "unknown property 'trades.paht'; did you mean 'trades.path'?\n"
            "known properties: trades.path trades.on.error trades.dlq.path trades.file.wait.timeout "
            "trades.file.retry.interval trades.delimiter big_trades.path");
  EXPECT_FALSE(c.set("zzz", "x", error));
  EXPECT_EQ(error.find("did you mean"), std::string::npos) << error;
  Config empty;
  EXPECT_FALSE(empty.set("x", "1", error));
  EXPECT_EQ(error, "unknown property 'x'\nthis program has no properties");
}

TEST(ConfigArgs, SetForms) {
  Config c = make_config();
  Capture out, err;
  EXPECT_EQ(run(c, {"prog", "--set", "trades.path=a=b.jsonl", "--set=big_trades.path=-"}, out, err),
            -1);
  EXPECT_EQ(c.get("trades.path"), "a=b.jsonl");
  EXPECT_EQ(c.get("big_trades.path"), "-");
  EXPECT_EQ(run(c, {"prog", "--set", "trades.path="}, out, err), -1);
  EXPECT_EQ(c.get("trades.path"), "");
  EXPECT_EQ(run(c, {"prog"}, out, err), -1);
  EXPECT_EQ(out.text(), "");
  EXPECT_EQ(err.text(), "");
}

TEST(ConfigArgs, Help) {
  Config c = make_config();
  Capture out, err;
  EXPECT_EQ(run(c, {"prog", "--set", "trades.path=x", "-h"}, out, err), 0);
  const std::string text = out.text();
  EXPECT_EQ(text.rfind("usage: trade_enrichment [--set name=value]...\n", 0), 0u) << text;
  EXPECT_NE(text.find("Enriches trades with user tiers\n"), std::string::npos);
  EXPECT_NE(text.find("compiled by streamc from queries/enrich.sql\n"), std::string::npos);
  EXPECT_NE(text.find("  trades.path = ./data/trades.jsonl\n"), std::string::npos);  // default
  EXPECT_NE(text.find("  trades.on.error = fail\n      a bad record: fail (stop), skip"), std::string::npos);
  EXPECT_NE(text.find("  trades.dlq.path = \n      where on.error = dlq writes bad records\n"), std::string::npos);
  EXPECT_NE(text.find("  big_trades.path = out/big.csv\n"), std::string::npos);
  Capture out2;
  EXPECT_EQ(run(c, {"prog", "--help"}, out2, err), 0);
  EXPECT_EQ(out2.text(), text);
}

TEST(ConfigArgs, Version) {
  Config c;
  Capture out, err;
  EXPECT_EQ(run(c, {"prog", "--version"}, out, err), 0);
  EXPECT_EQ(out.text(), "trade_enrichment 1.2.0\n");
  Capture unversioned;
  std::vector<std::string> args = {"prog", "--version"};
  std::vector<char*> argv = {args[0].data(), args[1].data()};
  const ProgramInfo info{"q", "", "q.sql", ""};
  EXPECT_EQ(c.parse_args(2, argv.data(), info, unversioned.file, err.file), 0);
  EXPECT_EQ(unversioned.text(), "q\n");
}

TEST(ConfigArgs, UsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {{"prog", "--bogus"}, "unknown option '--bogus'"},
      {{"prog", "-x"}, "unknown option '-x'"},
      {{"prog", "file.csv"}, "unexpected argument 'file.csv'"},
      {{"prog", "--set"}, "option '--set' needs an argument name=value"},
      {{"prog", "--set", "novalue"}, "expected name=value after '--set', got 'novalue'"},
      {{"prog", "--set", "=x"}, "expected name=value after '--set', got '=x'"},
      {{"prog", "--set", "trades.pth=x"},
       "unknown property 'trades.pth'; did you mean 'trades.path'?\n"
       "known properties: trades.path trades.on.error trades.dlq.path trades.file.wait.timeout "
            "trades.file.retry.interval trades.delimiter big_trades.path"},
  };
  for (const Case& c : cases) {
    Config config = make_config();
    Capture out, err;
    EXPECT_EQ(run(config, c.args, out, err), 1) << c.message;
    EXPECT_EQ(err.text(), "trade_enrichment: error: " + c.message +
                              "\nrun 'trade_enrichment --help' for usage\n");
  }
}

TEST(EditDistance, Levenshtein) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("trades.paht", "trades.path"), 2u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(ParseDuration, Units) {
  int64_t ms = 0;
  EXPECT_TRUE(parse_duration_ms("500ms", ms));
  EXPECT_EQ(ms, 500);
  EXPECT_TRUE(parse_duration_ms("5s", ms));
  EXPECT_EQ(ms, 5000);
  EXPECT_TRUE(parse_duration_ms("1m", ms));
  EXPECT_EQ(ms, 60000);
  EXPECT_TRUE(parse_duration_ms("2h", ms));
  EXPECT_EQ(ms, 7200000);
  EXPECT_TRUE(parse_duration_ms("1d", ms));
  EXPECT_EQ(ms, 86400000);
  EXPECT_TRUE(parse_duration_ms("60", ms));
  EXPECT_EQ(ms, 60000);
  EXPECT_TRUE(parse_duration_ms("10MS", ms));
  EXPECT_EQ(ms, 10);
  EXPECT_TRUE(parse_duration_ms("0s", ms));
  EXPECT_EQ(ms, 0);
  for (const char* bad : {"", "s", "-5s", "5 s", "5x", "1.5s", "5sec", "99999999999999999999",
                          "9223372036854775807s"}) {
    EXPECT_FALSE(parse_duration_ms(bad, ms)) << bad;
  }
}

TEST(ResolvePath, RelativeToBase) {
  EXPECT_EQ(resolve_path("/q", "data/t.csv"), "/q/data/t.csv");
  EXPECT_EQ(resolve_path("/q/", "./data/t.csv"), "/q/data/t.csv");
  EXPECT_EQ(resolve_path("queries", "t.csv"), "queries/t.csv");
  EXPECT_EQ(resolve_path("/q", "/abs/t.csv"), "/abs/t.csv");
  EXPECT_EQ(resolve_path("/q", "-"), "-");
  EXPECT_EQ(resolve_path("", "t.csv"), "t.csv");
  EXPECT_EQ(resolve_path(".", "./t.csv"), "./t.csv");
  EXPECT_EQ(resolve_path("/q", "../t.csv"), "/q/../t.csv");
}

}  // namespace
}  // namespace streamc

namespace streamc {
namespace {

TEST(ConfigPaths, DefaultsResolveAgainstTheQueryAndSetValuesAgainstTheWorkingDirectory) {
  Config config;
  config.set_default("trades.path", "data/t.jsonl");
  config.set_default("out.path", "/abs/out.csv");
  EXPECT_FALSE(config.is_set("trades.path"));
  EXPECT_EQ(config.path("trades.path", "/queries"), "/queries/data/t.jsonl");
  EXPECT_EQ(config.path("out.path", "/queries"), "/abs/out.csv");
  std::string error;
  ASSERT_TRUE(config.set("trades.path", "today.jsonl", error));
  EXPECT_TRUE(config.is_set("trades.path"));
  EXPECT_EQ(config.path("trades.path", "/queries"), "today.jsonl");
}

}  // namespace
}  // namespace streamc
