// The binder: names resolve, types follow the rules, implicit conversions
// are explicit, and every user error is one diagnostic with a range.
#include <gtest/gtest.h>

#include "compiler_test_util.h"

namespace streamc {
namespace {

using testing_util::bind_sql;
using testing_util::kTrades;

const BoundQuery& only_query(const testing_util::Bound& b) {
  EXPECT_TRUE(b.program) << b.errors();
  return b.program->queries.at(0);
}

TEST(Binder, ResolvesColumnsAndAliases) {
  auto b = bind_sql(std::string(kTrades) + "SELECT t.trade_id AS id, symbol AS s, t.* FROM trades t WHERE t.quantity > 10");
  const BoundQuery& q = only_query(b);
  ASSERT_EQ(q.columns.size(), 2u + 8u);
  EXPECT_EQ(q.columns[0].name, "id");
  EXPECT_FALSE(q.columns[0].expr->nullable);  // declared NOT NULL
  EXPECT_EQ(q.columns[1].name, "s");
  EXPECT_EQ(q.columns[1].expr->column_name, "symbol");
  EXPECT_EQ(q.alias, "t");
  ASSERT_TRUE(q.where);
  EXPECT_EQ(q.where->op, ExprOp::Gt);
  EXPECT_EQ(q.sink.kind, SinkKind::Stdout);
}

TEST(Binder, DecimalArithmeticTypes) {
  auto b = bind_sql(std::string(kTrades) +
                "SELECT price + 1.5 AS a, quantity * price AS m, price / 3 AS d, price - price AS s, fee * 2 AS f, "
                "quantity + 1 AS i, quantity / 2 AS q FROM trades");
  const BoundQuery& q = only_query(b);
  EXPECT_EQ(q.columns[0].expr->type.to_string(), "DECIMAL(19,4)");
  EXPECT_EQ(q.columns[1].expr->type.to_string(), "DECIMAL(28,4)");
  EXPECT_EQ(q.columns[2].expr->type.to_string(), "DECIMAL(38,6)");
  EXPECT_TRUE(q.columns[2].expr->nullable);
  EXPECT_EQ(q.columns[3].expr->type.to_string(), "DECIMAL(19,4)");
  EXPECT_EQ(q.columns[4].expr->type.to_string(), "DOUBLE");
  EXPECT_EQ(q.columns[5].expr->type.to_string(), "INT");
  EXPECT_EQ(q.columns[6].expr->type.to_string(), "INT");
}

TEST(Binder, LiteralsConvertAtCompileTime) {
  auto b = bind_sql(std::string(kTrades) + "SELECT * FROM trades WHERE price > 100");
  const BoundQuery& q = only_query(b);
  const Expr& right = *q.where->args[1];
  ASSERT_EQ(right.op, ExprOp::Literal);  // folded, no run-time cast
  EXPECT_EQ(right.type.to_string(), "DECIMAL(18,4)");
  EXPECT_EQ(std::get<int64_t>(right.literal), 1000000);
}

TEST(Binder, TimestampComparedWithString) {
  auto b = bind_sql(std::string(kTrades) + "SELECT * FROM trades WHERE ts >= '2025-09-27 09:30:00'");
  const BoundQuery& q = only_query(b);
  const Expr& right = *q.where->args[1];
  EXPECT_EQ(right.type.id, TypeId::Timestamp);
  EXPECT_EQ(std::get<int64_t>(right.literal), 1758965400000);
}

TEST(Binder, ThreeValuedNullability) {
  auto b = bind_sql(std::string(kTrades) +
                "SELECT trade_id > 1 AS a, quantity > 1 AS b, COALESCE(quantity, 0) AS c, "
                "CONCAT(symbol, 'x') AS d, symbol || 'x' AS e, quantity IS NULL AS f FROM trades");
  const BoundQuery& q = only_query(b);
  EXPECT_FALSE(q.columns[0].expr->nullable);
  EXPECT_TRUE(q.columns[1].expr->nullable);
  EXPECT_FALSE(q.columns[2].expr->nullable);
  EXPECT_FALSE(q.columns[3].expr->nullable);
  EXPECT_TRUE(q.columns[4].expr->nullable);
  EXPECT_FALSE(q.columns[5].expr->nullable);
}

struct ErrorCase {
  const char* query;
  const char* message;
};

class BinderErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(BinderErrors, ReportsOneDiagnostic) {
  auto b = bind_sql(std::string(kTrades) + GetParam().query);
  EXPECT_FALSE(b.program);
  EXPECT_NE(b.errors().find(GetParam().message), std::string::npos) << b.errors();
}

INSTANTIATE_TEST_SUITE_P(
    All, BinderErrors,
    testing::Values(
        ErrorCase{"SELECT usr_id FROM trades", "unknown column 'usr_id' in 'trades'; did you mean 'user_id'?"},
        ErrorCase{"SELECT x.symbol FROM trades t", "unknown stream, table or alias 'x'"},
        ErrorCase{"SELECT * FROM trade", "unknown stream or table 'trade'; did you mean 'trades'?"},
        ErrorCase{"SELECT symbol + 1 FROM trades", "cannot apply '+' to VARCHAR and INT"},
        ErrorCase{"SELECT * FROM trades WHERE symbol = 1", "cannot compare VARCHAR with INT"},
        ErrorCase{"SELECT * FROM trades WHERE quantity", "WHERE must be BOOLEAN, but is INT"},
        ErrorCase{"SELECT UPPER(symbol, 1) FROM trades", "'UPPER' takes one argument but is given 2"},
        ErrorCase{"SELECT uper(symbol) FROM trades", "unknown function 'uper'; did you mean 'upper'?"},
        ErrorCase{"SELECT symbol, symbol FROM trades", "the output has two columns named 'symbol'"},
        ErrorCase{"SELECT CAST(ts AS BOOLEAN) FROM trades", "cannot cast TIMESTAMP to BOOLEAN"},
        ErrorCase{"SELECT CAST(price AS DECIMAL(40, 2)) FROM trades", "DECIMAL precision must be between 1 and 38"},
        ErrorCase{"SELECT * FROM trades WHERE ts > TIMESTAMP '2025-13-01'", "is not a valid TIMESTAMP"},
        ErrorCase{"SELECT * FROM trades t JOIN trades u ON t.trade_id = u.trade_id",
                  "'trades' and 'trades' are both streams, and a join of two streams needs a time bound"},
        ErrorCase{"SELECT * FROM trades t JOIN missing u ON t.trade_id = u.id", "unknown stream or table 'missing'"},
        ErrorCase{"SELECT symbol, quantity, COUNT(*) FROM trades GROUP BY symbol",
                  "column 'quantity' is neither in GROUP BY nor inside an aggregate"},
        ErrorCase{"SELECT symbol FROM trades WHERE COUNT(*) > 1 GROUP BY symbol", "COUNT is an aggregate"},
        ErrorCase{"SELECT * FROM trades WHERE EXISTS (SELECT 1 FROM trades)",
                  "a subquery over the stream 'trades' (a subquery reads a table: declare it with a key) is not "
                  "supported yet"},
        ErrorCase{"CREATE STREAM x WITH ('connector' = 'file', 'path' = 'x', 'format' = 'xml') AS SELECT * FROM trades",
                  "'format' must be 'csv' or 'json', not 'xml'"},
        ErrorCase{"CREATE STREAM x WITH ('connector' = 'file', 'pth' = 'x') AS SELECT * FROM trades",
                  "unknown property 'pth'; did you mean 'path'?"},
        ErrorCase{"CREATE STREAM trades (a INT) WITH ('connector' = 'file', 'path' = 'x')", "'trades' is defined twice"},
        ErrorCase{"SELECT * FROM trades WITH ('trades.type' = 'file_source')", "'trades' is defined twice"}));

TEST(Binder, MissingFileForDiscoveryNamesIt) {
  auto b = bind_sql("SELECT * FROM s WITH ('s.type' = 'file_source', 's.path' = '/nonexistent/s.csv')");
  EXPECT_FALSE(b.program);
  EXPECT_NE(b.errors().find("cannot read '/nonexistent/s.csv' to discover the schema of 's'"), std::string::npos)
      << b.errors();
}

}  // namespace
}  // namespace streamc
