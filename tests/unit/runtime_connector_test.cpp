// name: connector property tables
// description: one table per connector (and the program's own) gives each
// property's default, the values it takes, where it applies and its help;
// registering fills a program's Config from it and --set is checked by it
#include <gtest/gtest.h>

#include <string>

#include "streamc/config.h"
#include "streamc/connector.h"
#include "streamc/property.h"

namespace streamc {
namespace {

TEST(Connector, FindsPropertiesByRole) {
  const ConnectorDef& file = file_connector();
  EXPECT_EQ(find_connector("file"), &file);
  EXPECT_EQ(find_connector("kafka"), nullptr);
  ASSERT_NE(file.find("watch", kTable), nullptr);
  EXPECT_EQ(file.find("watch", kStream), nullptr);  // a stream's file is read once
  EXPECT_EQ(file.find("on.error", kSink), nullptr);
  ASSERT_NE(file.find("path", kSink), nullptr);
  EXPECT_EQ(file.find("nonsense", kStream | kTable | kSink), nullptr);
  for (const PropertyDef& p : file.properties) {
    EXPECT_FALSE(p.help.empty()) << p.name;
    // What a program registers must pass its own check ('format' has no default: the extension decides).
    if (p.run_time) EXPECT_EQ(check_property(p, p.default_value), "") << p.name;
  }
  for (const PropertyDef& p : program_properties()) {
    EXPECT_EQ(check_property(p, p.default_value), "") << p.name;
  }
}

TEST(Connector, ChecksValues) {
  const ConnectorDef& file = file_connector();
  EXPECT_EQ(check_property(*file.find("on.error", kStream), "SKIP"), "");
  EXPECT_EQ(check_property(*file.find("on.error", kStream), "ignore"), "must be 'fail', 'skip' or 'dlq'");
  EXPECT_EQ(check_property(*file.find("watch", kTable), "yes"), "must be 'true' or 'false'");
  EXPECT_EQ(check_property(*file.find("file.wait.timeout", kTable), "30s"), "");
  EXPECT_EQ(check_property(*file.find("file.wait.timeout", kTable), "soon"),
            "must be a duration such as 500ms, 30s or 2m");
  EXPECT_EQ(check_property(*file.find("format", kStream), "ndjson"), "");
  EXPECT_EQ(check_property(*file.find("format", kStream), "avro"), "must be 'csv' or 'json'");
  // A source's separator is one character; a sink's is ',' only, yet.
  EXPECT_EQ(check_property(*file.find("delimiter", kStream), ";"), "");
  EXPECT_EQ(check_property(*file.find("delimiter", kTable), "\\t"), "");
  EXPECT_NE(check_property(*file.find("delimiter", kStream), ";;"), "");
  EXPECT_NE(check_property(*file.find("delimiter", kStream), "\""), "");
  EXPECT_EQ(check_property(*file.find("delimiter", kSink), ";"), "is not supported yet with any value but ','");
  EXPECT_EQ(parse_delimiter("|"), '|');
  EXPECT_EQ(parse_delimiter("tab"), '\t');
  EXPECT_EQ(parse_delimiter(""), 0);
  EXPECT_EQ(check_property(*find_program_property("threads"), "0"), "must be 'auto' or a positive number");
  EXPECT_EQ(check_property(*find_program_property("threads"), "4"), "");
  EXPECT_EQ(check_property(*find_program_property("chunk.bytes"), "-1"), "must be a positive number of bytes");
}

TEST(Connector, RegistersRunTimePropertiesWithTheQuerysValues) {
  Config config;
  register_properties(config, file_connector(), kTable, "users", {{"path", "data/users.csv"}, {"watch", "true"}});
  register_properties(config, file_connector(), kSink, "out", {{"path", "-"}});
  register_program_properties(config, {"threads", "stats"});
  EXPECT_EQ(config.get("users.path"), "data/users.csv");
  EXPECT_EQ(config.get("users.watch"), "true");
  EXPECT_EQ(config.get("users.on.error"), "fail");      // the table's default
  EXPECT_EQ(config.get("users.file.retry.interval"), "1s");
  EXPECT_FALSE(config.has("users.format"));             // compile-time only
  EXPECT_FALSE(config.has("out.on.error"));             // not a sink's
  EXPECT_EQ(config.get("out.path"), "-");
  EXPECT_EQ(config.get("threads"), "auto");
  EXPECT_FALSE(config.has("chunk.bytes"));
  std::string error;
  EXPECT_FALSE(config.set("users.watch", "maybe", error));
  EXPECT_EQ(error, "'users.watch' must be 'true' or 'false', not 'maybe'");
  EXPECT_EQ(config.get("users.watch"), "true");
  EXPECT_TRUE(config.set("users.watch", "false", error));
  EXPECT_FALSE(config.set("threads", "many", error));
}

}  // namespace
}  // namespace streamc
