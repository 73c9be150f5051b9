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

// AVG of DECIMAL(p, s) is exact: DECIMAL(38, max(s, 6)), with less scale
// only where the whole digits would not leave room.
TEST(Binder, AvgOfDecimalIsDecimal) {
  auto b = bind_sql(
      "CREATE STREAM s (a DECIMAL(18, 4), b DECIMAL(10, 8), c DECIMAL(38, 0), d DECIMAL(36, 2), e INT) "
      "WITH ('connector' = 'file', 'path' = 's.jsonl');\n"
      "SELECT AVG(a) AS a, AVG(b) AS b, AVG(c) AS c, AVG(d) AS d, AVG(e) AS e FROM s EMIT FINAL");
  ASSERT_TRUE(b.program) << b.errors();
  const auto& cols = b.program->queries.at(0).aggregates;
  ASSERT_EQ(cols.size(), 5u);
  EXPECT_EQ(cols[0]->type.to_string(), "DECIMAL(38,6)");
  EXPECT_EQ(cols[1]->type.to_string(), "DECIMAL(38,8)");
  EXPECT_EQ(cols[2]->type.to_string(), "DECIMAL(38,0)");
  EXPECT_EQ(cols[3]->type.to_string(), "DECIMAL(38,4)");
  EXPECT_EQ(cols[4]->type.to_string(), "DOUBLE");
}

// The row analytics besides LAG: their kinds, frames and types.
TEST(Binder, RowAnalyticsOver) {
  auto b = bind_sql(std::string(kTrades) +
                    "SELECT ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts) AS rn, "
                    "DENSE_RANK() OVER (PARTITION BY symbol, user_id ORDER BY quantity, ts) AS dr, "
                    "SUM(price) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS s5, "
                    "AVG(quantity) OVER (ROWS WINDOW BUFFER 10 ROWS PARTITION BY symbol ORDER BY ts) AS a10, "
                    "COUNT(*) OVER (PARTITION BY symbol) AS n, "
                    "NTH_VALUE(fee, 3) OVER (PARTITION BY symbol ORDER BY ts) AS third FROM trades");
  const BoundQuery& q = only_query(b);
  ASSERT_EQ(q.analytics.size(), 6u);
  const Expr& rn = *q.analytics[0];
  EXPECT_EQ(rn.op, ExprOp::Over);
  EXPECT_EQ(rn.analytic, AnalyticKind::RowNumber);
  EXPECT_EQ(rn.args.size(), 1u);  // the partition key
  const Expr& dr = *q.analytics[1];
  EXPECT_EQ(dr.analytic, AnalyticKind::DenseRank);
  EXPECT_EQ(dr.column, 2);         // two ORDER BY keys...
  EXPECT_EQ(dr.args.size(), 4u);   // ...then two partition keys
  const Expr& s5 = *q.analytics[2];
  EXPECT_EQ(s5.analytic, AnalyticKind::Running);
  EXPECT_EQ(s5.agg, AggKind::Sum);
  EXPECT_EQ(s5.column, 4);  // rows before the current one
  EXPECT_EQ(s5.type.to_string(), "DECIMAL(38,4)");
  EXPECT_EQ(q.analytics[3]->column, 9);   // a buffer of 10 rows: 9 before the current one
  EXPECT_EQ(q.analytics[3]->type, SqlType::float64());
  EXPECT_EQ(q.analytics[4]->column, -1);  // the whole partition so far
  EXPECT_FALSE(q.analytics[4]->nullable);
  EXPECT_EQ(q.analytics[5]->analytic, AnalyticKind::NthValue);
  EXPECT_EQ(q.analytics[5]->column, 3);
  EXPECT_EQ(q.columns[0].expr->op, ExprOp::AnalyticRef);
}

// Every spelling of a window binds to the same BoundWindow.
TEST(Binder, WindowSpellings) {
  struct Case {
    const char* query;
    WindowKind kind;
    int64_t size, advance, grace;
  };
  const Case cases[] = {
      {"SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(ts, 1m)", WindowKind::Tumbling,
       60000, 60000, 0},
      {"SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(ts, INTERVAL '5' MINUTE)",
       WindowKind::Tumbling, 300000, 300000, 0},
      {"SELECT symbol, COUNT(*) AS n FROM trades WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS) "
       "GROUP BY symbol WITH ('timestamp' = 'ts')",
       WindowKind::Tumbling, 60000, 60000, 10000},
      {"SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW SLIDING(ts, 10m, 5m)", WindowKind::Hopping,
       600000, 300000, 0},
      {"SELECT symbol, COUNT(*) AS n FROM trades WINDOW HOPPING (SIZE 2 HOURS, ADVANCE BY 30 MINUTES) "
       "GROUP BY symbol WITH ('event.time.field' = 'ts')",
       WindowKind::Hopping, 7200000, 1800000, 0},
      {"SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol, TUMBLE(ts, INTERVAL '1' HOUR)",
       WindowKind::Tumbling, 3600000, 3600000, 0},
      {"SELECT symbol, COUNT(*) AS n FROM trades GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '3' MINUTE), symbol",
       WindowKind::Hopping, 180000, 60000, 0},
      {"SELECT window_start, symbol, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' "
       "SECOND)) GROUP BY window_start, window_end, symbol",
       WindowKind::Tumbling, 10000, 10000, 0},
      {"SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(ts, 1w) HAVING COUNT(*) > 1",
       WindowKind::Tumbling, 7 * 86400000LL, 7 * 86400000LL, 0},
      {"SELECT window_end, symbol, COUNT(*) AS n FROM TABLE(CUMULATE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' "
       "MINUTE, INTERVAL '1' HOUR)) GROUP BY window_start, window_end, symbol",
       WindowKind::Cumulate, 3600000, 60000, 0},
  };
  for (const Case& c : cases) {
    auto b = bind_sql(std::string(kTrades) + c.query);
    ASSERT_TRUE(b.program) << c.query << "\n" << b.errors();
    const BoundQuery& q = b.program->queries.at(0);
    ASSERT_TRUE(q.window) << c.query;
    EXPECT_EQ(q.window->kind, c.kind) << c.query;
    EXPECT_EQ(q.window->size, c.size) << c.query;
    EXPECT_EQ(q.window->advance, c.advance) << c.query;
    EXPECT_EQ(q.window->grace, c.grace) << c.query;
    ASSERT_TRUE(q.window->time) << c.query;
    EXPECT_EQ(q.window->time->column_name, "ts") << c.query;
    EXPECT_EQ(q.emit, Emit::Final) << c.query;  // a window without EMIT writes each group once
    EXPECT_EQ(q.group_keys.size(), 1u) << c.query;  // symbol; the window is not a key of its own
  }
}

TEST(Binder, WindowEventTimeAndWatermark) {
  auto b = bind_sql(
      "CREATE STREAM s (k VARCHAR, t BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) "
      "WITH ('connector' = 'file', 'path' = 's.jsonl');\n"
      "CREATE STREAM s2 (k VARCHAR, t BIGINT) "
      "WITH ('connector' = 'file', 'path' = 's.jsonl', 'on.error' = 'dlq', 'dlq.path' = 'bad.jsonl');\n"
      "SELECT k, COUNT(*) AS n FROM s GROUP BY k WINDOW TUMBLING(1m);\n"
      "SELECT k, COUNT(*) AS n FROM s2 GROUP BY k WINDOW TUMBLING(1m) WITH ('event.time.field' = 't', "
      "'event.time.format' = 'epoch_seconds', 'watermark.strategy' = 'bounded_out_of_orderness', "
      "'watermark.max_out_of_orderness' = '2s', 'late.data.strategy' = 'dead_letter');\n"
      "SELECT k, window_end, COUNT(*) AS n FROM s GROUP BY k WINDOW TUMBLING(ts, 1m) EMIT CHANGES "
      "WITH ('watermark.strategy' = 'ascending');");
  ASSERT_TRUE(b.program) << b.errors();
  const auto& qs = b.program->queries;
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(qs[0].window->time->column_name, "ts");  // from the WATERMARK
  EXPECT_EQ(qs[0].window->delay, 5000);
  EXPECT_EQ(qs[0].window->late, LateData::Drop);
  EXPECT_EQ(qs[1].window->time->op, ExprOp::Mul);  // seconds to milliseconds
  EXPECT_EQ(qs[1].window->delay, 2000);
  EXPECT_EQ(qs[1].window->late, LateData::DeadLetter);
  EXPECT_EQ(qs[2].window->delay, 0);
  EXPECT_EQ(qs[2].emit, Emit::Changes);
  EXPECT_EQ(qs[2].columns[1].expr->op, ExprOp::WindowBound);
  EXPECT_EQ(qs[2].columns[1].expr->type, SqlType::timestamp());
}

}  // namespace
}  // namespace streamc
