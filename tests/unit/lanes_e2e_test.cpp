// End to end: a GROUP BY ... EMIT FINAL over a file read in small chunks on
// several threads, each aggregating into groups of its own that merge at the
// end, writes what one thread writes: the same groups in the same order
// (first appearance), the same FIRST and LAST, the same dead letters and
// counters, and the same line when a bad record stops the program. And a
// CSV stream read in chunks writes its records in input order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query_run_util.h"

namespace streamc {
namespace {

using testing_util::QueryRun;
using testing_util::run_query;

// station;temperature lines with what a CSV file can hold: quoted names (a
// separator inside), CRLF, blank lines, NULL stations, bad values, a record
// of the wrong width, and a last line without a line end.
std::string measurements() {
  std::string csv = "station;temperature\n";
  const char* stations[] = {"Oslo", "Lagos", "\"Rio; RJ\"", "", "Nuuk", "Perth"};
  for (int i = 1; i <= 3000; ++i) {
    if (i % 211 == 0) csv += "Oslo;warm\n";
    if (i % 307 == 0) csv += "Oslo;1.0;extra\n";
    if (i % 401 == 0) csv += "\n";
    csv += std::string(stations[(i * 7) % 6]) + ";" + (i % 3 ? "" : "-") + std::to_string(i % 97) + "." +
           std::to_string(i % 10) + (i % 5 ? "\n" : "\r\n");
  }
  return csv + "Nuuk;-3.5";
}

// Every run of `sql` with `args` writes what the first one writes.
void expect_same_as_one_thread(const std::string& sql, const std::vector<std::pair<std::string, std::string>>& files,
                               const std::vector<std::string>& runs, const std::vector<std::string>& outputs,
                               int status) {
  const QueryRun one = run_query(sql, files, "--set threads=1", outputs);
  ASSERT_EQ(one.status, status) << one.err;
  for (const std::string& args : runs) {
    const QueryRun many = run_query(sql, files, args, outputs);
    EXPECT_EQ(many.status, status) << args << "\n" << many.err;
    EXPECT_EQ(many.out, one.out) << args;
    EXPECT_EQ(many.err, one.err) << args;
    EXPECT_EQ(many.outputs, one.outputs) << args;
  }
}

const std::vector<std::string> kThreads = {"--set threads=2 --set chunk.bytes=64",
                                           "--set threads=3 --set chunk.bytes=1000",
                                           "--set threads=auto --set chunk.bytes=1"};

TEST(Lanes, CsvGroupsMergeAsOneThreadBuildsThem) {
  const std::string sql =
      "CREATE STREAM m (station VARCHAR, temperature DECIMAL(4, 1))\n"
      "  WITH ('connector' = 'file', 'path' = 'm.csv', 'format' = 'csv', 'delimiter' = ';',\n"
      "        'on.error' = 'dlq', 'dlq.path' = 'dlq.jsonl');\n"
      "SELECT station, COUNT(*) AS n, COUNT(temperature) AS valued, MIN(temperature) AS lo,\n"
      "       AVG(temperature) AS mean, MAX(temperature) AS hi, SUM(temperature) AS total,\n"
      "       FIRST(temperature) AS first_t, LAST(temperature) AS last_t,\n"
      "       SUM(temperature) FILTER (WHERE temperature > 0) AS warm\n"
      "FROM m WHERE temperature IS NULL OR temperature > -90\n"
      "GROUP BY station HAVING COUNT(*) > 1 EMIT FINAL;\n";
  const QueryRun one = run_query(sql, {{"m.csv", measurements()}}, "--set threads=1", {"dlq.jsonl"});
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(one.out.substr(0, one.out.find('\n')).find("{\"station\":\"Lagos\""), 0u) << one.out;
  EXPECT_NE(one.out.find("\"station\":\"Rio; RJ\""), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("\"station\":null"), std::string::npos) << one.out;
  EXPECT_NE(one.outputs[0].find("warm"), std::string::npos) << one.outputs[0];
  EXPECT_NE(one.outputs[0].find("does not have as many fields"), std::string::npos) << one.outputs[0];
  expect_same_as_one_thread(sql, {{"m.csv", measurements()}}, kThreads, {"dlq.jsonl"}, 0);
}

TEST(Lanes, JsonGroupsMergeAndFailuresKeepTheirOrder) {
  std::string trades;
  for (int i = 1; i <= 4000; ++i) {
    if (i % 211 == 0) trades += "{\"id\": " + std::to_string(i) + ", \"user_id\": \"u1\", \"price\": \"x\"}\n";
    if (i % 307 == 0) trades += "{not json\n";
    if (i % 503 == 0) {  // the product overflows DECIMAL(18,2): fails in the pipeline
      trades += "{\"id\": " + std::to_string(i) + ", \"user_id\": \"u2\", \"qty\": 99999999, \"price\": 9999999999999.99}\n";
    }
    trades += "{\"id\": " + std::to_string(i) + ", \"user_id\": " +
              (i % 13 ? "\"u" + std::to_string(i % 40) + "\"" : std::string("null")) +
              ", \"qty\": " + std::to_string(i % 7) + ", \"price\": " + std::to_string(i % 100) + ".5}\n";
  }
  const std::string sql =
      "CREATE STREAM trades (id INT, user_id VARCHAR, qty INT, price DECIMAL(18, 2))\n"
      "  WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json',\n"
      "        'on.error' = 'dlq', 'dlq.path' = 'dlq.jsonl');\n"
      "SELECT UPPER(user_id) AS who, qty % 2 AS odd, COUNT(*) AS n, SUM(qty * price) AS notional,\n"
      "       LAST(id) AS last_id, FIRST(id) AS first_id, MAX(price) AS top\n"
      "FROM trades GROUP BY UPPER(user_id), qty % 2 EMIT FINAL;\n";
  expect_same_as_one_thread(sql, {{"trades.jsonl", trades}}, kThreads, {"dlq.jsonl"}, 0);
  // The first bad record stops the program, at the same line on any number of threads.
  const std::string failing = sql.substr(0, sql.find("'dlq'")) + "'fail');\n" + sql.substr(sql.find("SELECT"));
  expect_same_as_one_thread(failing, {{"trades.jsonl", trades}}, kThreads, {}, 1);
}

TEST(Lanes, CsvRecordsKeepTheirOrderOnEveryThread) {
  const std::string sql =
      "CREATE STREAM m (station VARCHAR, temperature DECIMAL(4, 1))\n"
      "  WITH ('connector' = 'file', 'path' = 'm.csv', 'format' = 'csv', 'delimiter' = ';',\n"
      "        'on.error' = 'dlq', 'dlq.path' = 'dlq.jsonl');\n"
      "SELECT UPPER(station) AS station, temperature * 2 AS doubled FROM m WHERE temperature > 10;\n";
  expect_same_as_one_thread(sql, {{"m.csv", measurements()}}, kThreads, {"dlq.jsonl"}, 0);
}

}  // namespace
}  // namespace streamc
