// name: expression behaviour
// description: what generated expressions compute, checked by running them:
// integer overflow fails the record, division by zero is NULL, BETWEEN and
// NOT BETWEEN agree with their definition, CASE evaluates only the branch it
// takes. (Golden cases check whole queries; these pin single operators.)
#include <gtest/gtest.h>

#include <string>

#include "query_run_util.h"

namespace streamc {
namespace {

using testing_util::run_query;

const char* kNums =
    "CREATE STREAM nums (id INT NOT NULL, a BIGINT NOT NULL, b BIGINT, s VARCHAR) "
    "WITH ('connector' = 'file', 'path' = 'nums.jsonl', 'format' = 'json', 'on.error' = 'skip');\n";

TEST(ExpressionBehaviour, IntegerOverflowFailsTheRecord) {
  auto r = run_query(std::string(kNums) + "SELECT id, a * 2 AS twice FROM nums;",
                     {{"nums.jsonl",
                       "{\"id\": 1, \"a\": 5}\n"
                       "{\"id\": 2, \"a\": 4611686018427387904}\n"  // 2^62
                       "{\"id\": 3, \"a\": -4611686018427387904}\n"
                       "{\"id\": 4, \"a\": -4611686018427387905}\n"}});
  EXPECT_EQ(r.status, 0) << r.err;
  // -2^63 fits; 2^63 and -2^63 - 2 do not.
  EXPECT_EQ(r.out, "{\"id\":1,\"twice\":10}\n{\"id\":3,\"twice\":-9223372036854775808}\n");
  EXPECT_NE(r.err.find("nums.jsonl:2: skipped: integer overflow in 'a * 2'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nums.jsonl:4: skipped: integer overflow in 'a * 2'"), std::string::npos) << r.err;
}

TEST(ExpressionBehaviour, SubtractionAndNegationOverflow) {
  auto r = run_query(std::string(kNums) + "SELECT id, -a AS neg, a - 1 AS prev FROM nums;",
                     {{"nums.jsonl",
                       "{\"id\": 1, \"a\": -9223372036854775807}\n"
                       "{\"id\": 2, \"a\": -9223372036854775808}\n"}});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "{\"id\":1,\"neg\":9223372036854775807,\"prev\":-9223372036854775808}\n");
  EXPECT_NE(r.err.find("nums.jsonl:2: skipped: integer overflow in '-a'"), std::string::npos) << r.err;
}

TEST(ExpressionBehaviour, DivisionByZeroIsNull) {
  auto r = run_query(std::string(kNums) + "SELECT id, a / 0 AS q, a % 0 AS m, a / b AS by_b FROM nums;",
                     {{"nums.jsonl",
                       "{\"id\": 1, \"a\": 7, \"b\": 0}\n"
                       "{\"id\": 2, \"a\": 7, \"b\": 2}\n"}});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"id\":1,\"q\":null,\"m\":null,\"by_b\":null}\n"
            "{\"id\":2,\"q\":null,\"m\":null,\"by_b\":3}\n");
}

TEST(ExpressionBehaviour, BetweenAndNotBetween) {
  // `a` is NOT NULL (the short form of the code), `b` nullable.
  auto r = run_query(std::string(kNums) +
                         "SELECT id, a BETWEEN 2 AND 4 AS a_in, a NOT BETWEEN 2 AND 4 AS a_out, "
                         "b BETWEEN 2 AND 4 AS b_in, b NOT BETWEEN 2 AND 4 AS b_out FROM nums;",
                     {{"nums.jsonl",
                       "{\"id\": 1, \"a\": 1, \"b\": 1}\n"
                       "{\"id\": 2, \"a\": 2, \"b\": 4}\n"
                       "{\"id\": 3, \"a\": 5, \"b\": null}\n"}});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"id\":1,\"a_in\":false,\"a_out\":true,\"b_in\":false,\"b_out\":true}\n"
            "{\"id\":2,\"a_in\":true,\"a_out\":false,\"b_in\":true,\"b_out\":false}\n"
            "{\"id\":3,\"a_in\":false,\"a_out\":true,\"b_in\":null,\"b_out\":null}\n");
}

TEST(ExpressionBehaviour, CaseRunsOnlyTheBranchTaken) {
  // CAST('x' AS INT) fails, but only a record that takes its branch.
  auto r = run_query(std::string(kNums) + "SELECT id, CASE WHEN a > 0 THEN CAST(s AS INT) ELSE 0 END AS v FROM nums;",
                     {{"nums.jsonl",
                       "{\"id\": 1, \"a\": -1, \"s\": \"x\"}\n"
                       "{\"id\": 2, \"a\": 1, \"s\": \"12\"}\n"
                       "{\"id\": 3, \"a\": 1, \"s\": \"x\"}\n"}});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "{\"id\":1,\"v\":0}\n{\"id\":2,\"v\":12}\n");
  EXPECT_NE(r.err.find("nums.jsonl:3: skipped"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace streamc
