// End to end: the changelog one program writes (EMIT CHANGES, a group that
// stops qualifying written as its key with NULLs) read back as a table by
// another gives the groups as they are at the end: what EMIT FINAL writes.
#include <gtest/gtest.h>

#include <string>

#include "query_run_util.h"

namespace streamc {
namespace {

using testing_util::run_query;

const char* kTransactions =
    "{\"id\": 1, \"category\": \"food\", \"amount\": 40.00}\n"
    "{\"id\": 2, \"category\": \"books\", \"amount\": 12.00}\n"
    "{\"id\": 3, \"category\": \"food\", \"amount\": 50.00}\n"
    "{\"id\": 4, \"category\": \"tools\", \"amount\": 70.00}\n"
    "{\"id\": 5, \"category\": \"books\", \"amount\": 30.50}\n"
    "{\"id\": 6, \"category\": \"tools\", \"amount\": 45.00}\n"
    "{\"id\": 7, \"category\": null, \"amount\": 5.00}\n";

std::string totals_query(const char* emit) {
  return std::string(
             "CREATE STREAM tx (id INT, category VARCHAR, amount DECIMAL(10,2)) "
             "WITH ('connector' = 'file', 'path' = 'tx.jsonl', 'format' = 'json');\n"
             "CREATE STREAM totals WITH ('connector' = 'file', 'path' = '-', 'format' = 'csv') AS\n"
             "SELECT category, COUNT(*) AS n, SUM(amount) AS total FROM tx\n"
             "GROUP BY category HAVING SUM(amount) < 100 ") +
         emit + ";\n";
}

TEST(ChangelogEndToEnd, ReadBackAsATableItGivesTheFinalGroups) {
  const auto changes = run_query(totals_query("EMIT CHANGES"), {{"tx.jsonl", kTransactions}});
  ASSERT_EQ(changes.status, 0) << changes.err;
  // tools went past 100: its delete is the key with NULLs.
  EXPECT_NE(changes.out.find("tools,,\n"), std::string::npos) << changes.out;
  const auto final = run_query(totals_query("EMIT FINAL"), {{"tx.jsonl", kTransactions}});
  ASSERT_EQ(final.status, 0) << final.err;
  // NULL categories are one group too; a table cannot hold a NULL key, so it leaves that one out.
  EXPECT_EQ(final.out, "category,n,total\nfood,2,90.00\nbooks,2,42.50\n,1,5.00\n") << final.out;

  // The changelog as a table: the last row of a key wins, a row of NULLs deletes it.
  const auto table = run_query(
      "CREATE TABLE totals (category VARCHAR PRIMARY KEY, n BIGINT, total DECIMAL(38,2)) "
      "WITH ('connector' = 'file', 'path' = 'totals.csv', 'format' = 'csv');\n"
      "CREATE STREAM asks (category VARCHAR) WITH ('connector' = 'file', 'path' = 'asks.jsonl', 'format' = 'json');\n"
      "SELECT a.category, t.n, t.total FROM asks a LEFT JOIN totals t ON a.category = t.category;\n",
      {{"totals.csv", changes.out},
       {"asks.jsonl", "{\"category\": \"food\"}\n{\"category\": \"books\"}\n{\"category\": \"tools\"}\n"}});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_EQ(table.out,
            "{\"category\":\"food\",\"n\":2,\"total\":90.00}\n"
            "{\"category\":\"books\",\"n\":2,\"total\":42.50}\n"
            "{\"category\":\"tools\",\"n\":null,\"total\":null}\n");
}

}  // namespace
}  // namespace streamc
