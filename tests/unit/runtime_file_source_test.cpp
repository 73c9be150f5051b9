// name: file sources
// description: a source's run-time properties (path, on.error, watch) as
// FileSource reads them, opening its file, and finding CSV columns by name
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime_test_util.h"
#include "streamc/connector.h"
#include "streamc/file_source.h"

namespace streamc {
namespace {

Config users_config(const std::string& path) {
  Config config;
  register_properties(config, file_connector(), kTable, "users", {{"path", path}, {"watch", "true"}});
  return config;
}

TEST(FileSource, ReadsItsPropertiesAndOpens) {
  testing_util::TempDir dir;
  dir.write("users.csv", "user_id,tier\nu1,gold\n");
  Config config = users_config("users.csv");
  FileSource table, stream;
  std::string error;
  ASSERT_TRUE(table.configure(config, "users", dir.file(""), true, error)) << error;
  EXPECT_EQ(table.name(), "users");
  EXPECT_EQ(table.shown(), "users.csv");  // as the query wrote it
  EXPECT_TRUE(table.watch());
  EXPECT_EQ(table.bad().policy(), OnError::Fail);
  // A stream reading the same file reads it once, watched or not.
  ASSERT_TRUE(stream.configure(config, "users", dir.file(""), false, error)) << error;
  EXPECT_FALSE(stream.watch());
  CsvReader reader;
  ASSERT_TRUE(stream.open(reader, error)) << error;
  std::vector<CsvField> header;
  ASSERT_TRUE(read_csv_header(reader, stream.shown(), header, error)) << error;
  const std::string_view names[] = {"TIER", "user_id"};
  int pos[3];
  ASSERT_TRUE(find_csv_columns(header, stream.shown(), names, 2, pos, error)) << error;
  EXPECT_EQ(pos[0], 1);  // by name, ignoring case
  EXPECT_EQ(pos[1], 0);
  EXPECT_EQ(pos[2], -1);
  const std::string_view missing[] = {"country"};
  EXPECT_FALSE(find_csv_columns(header, stream.shown(), missing, 1, pos, error));
  EXPECT_EQ(error, "users.csv: the header has no column 'country'");
}

TEST(FileSource, RejectsABadPolicyAndAMissingFile) {
  testing_util::TempDir dir;
  Config config = users_config("absent.csv");
  std::string error;
  config.set_default("users.on.error", "ignore");  // as if registered without the table's check
  FileSource source;
  EXPECT_FALSE(source.configure(config, "users", dir.file(""), true, error));
  EXPECT_EQ(error, "'users.on.error' must be 'fail', 'skip' or 'dlq', not 'ignore'");
  config.set_default("users.on.error", "skip");
  ASSERT_TRUE(source.configure(config, "users", dir.file(""), true, error)) << error;
  CsvReader reader;
  EXPECT_FALSE(source.open(reader, error));
  EXPECT_NE(error.find("users.file.wait.timeout"), std::string::npos) << error;  // says how to wait for it
}

TEST(FileSource, AnEmptyFileHasNoHeader) {
  testing_util::TempDir dir;
  dir.write("users.csv", "");
  Config config = users_config("users.csv");
  FileSource source;
  std::string error;
  ASSERT_TRUE(source.configure(config, "users", dir.file(""), true, error)) << error;
  CsvReader reader;
  ASSERT_TRUE(source.open(reader, error)) << error;
  std::vector<CsvField> header;
  EXPECT_FALSE(read_csv_header(reader, source.shown(), header, error));
  EXPECT_EQ(error, "users.csv: the file has no header line");
}

}  // namespace
}  // namespace streamc
