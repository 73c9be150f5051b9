// The grammar and the AST transformer: the whole dialect parses, every node
// has a source range, and syntax errors become one clear diagnostic.
#include <gtest/gtest.h>

#include "compiler_test_util.h"

namespace streamc {
namespace {

using testing_util::parse_sql;

TEST(Parser, ParsesVelostreamApplication) {
  auto p = parse_sql(R"(-- SQL Application: trade_enrichment
-- Version: 1.2
CREATE STREAM big_trades AS
SELECT t.trade_id, t.symbol PRIMARY KEY, t.quantity * t.price AS notional
FROM trades t
WHERE t.quantity * t.price > 10000
EMIT CHANGES
WITH ('trades.type' = 'file_source', "trades.path" = "./t.jsonl");)");
  ASSERT_TRUE(p.script) << p.diags->render();
  EXPECT_EQ(p.script->application_name, "trade_enrichment");
  EXPECT_EQ(p.script->version, "1.2");
  ASSERT_EQ(p.script->statements.size(), 1u);
  auto& cs = static_cast<ast::CreateSource&>(*p.script->statements[0]);
  EXPECT_EQ(cs.name, "big_trades");
  ASSERT_TRUE(cs.as_query);
  const ast::Query& q = *cs.as_query;
  ASSERT_EQ(q.items.size(), 3u);
  EXPECT_TRUE(q.items[1].primary_key);
  EXPECT_EQ(q.items[2].alias, "notional");
  EXPECT_EQ(q.from->alias, "t");
  EXPECT_EQ(q.emit, ast::EmitMode::Changes);
  ASSERT_EQ(q.with.size(), 2u);
  EXPECT_EQ(q.with[1].key, "trades.path");
  EXPECT_EQ(q.with[1].value, "./t.jsonl");
}

TEST(Parser, ParsesTheWholeDialect) {
  // What later issues compile must parse today: joins, GROUP BY, windows,
  // subqueries, watermarks, table-valued window functions, analytic functions.
  const char* queries[] = {
      "CREATE STREAM t (id BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector'='file')",
      "CREATE TABLE u (user_id VARCHAR PRIMARY KEY, tier VARCHAR) WITH ('connector' = 'kafka', 'topic' = 'users')",
      "CREATE TABLE m AS SELECT * FROM file://data/market.csv WITH ('key' = 'symbol')",
      "SELECT t.a, u.b FROM t JOIN u ON t.k = u.k LEFT JOIN m ON t.s = m.s AND t.x > m.y",
      "SELECT * FROM a JOIN b WITHIN 1 HOUR ON a.id = b.id",
      "SELECT * FROM a JOIN b ON a.id = b.id WITHIN INTERVAL '10' MINUTE",
      "SELECT symbol, COUNT(*), AVG(price) FROM trades GROUP BY symbol HAVING COUNT(*) > 1 WINDOW TUMBLING(1m) EMIT FINAL",
      "SELECT symbol FROM trades WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS) GROUP BY symbol",
      "SELECT * FROM trades WINDOW HOPPING (SIZE 5 MINUTES, ADVANCE BY 1 MINUTE)",
      "SELECT * FROM trades WINDOW SLIDING(5m, 1m)",
      "SELECT * FROM trades WINDOW SESSION(30s)",
      "SELECT * FROM trades WINDOW TUMBLING(ts, INTERVAL '1' MINUTE)",
      "SELECT window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
      "GROUP BY window_start, window_end",
      "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM l WHERE l.user_id = t.user_id)",
      "SELECT * FROM t WHERE t.x NOT IN (SELECT y FROM u) AND t.z > ALL (SELECT z FROM u)",
      "SELECT (SELECT MAX(p) FROM u WHERE u.k = t.k) AS m FROM t",
      "SELECT LAG(price, 1) OVER (ROWS WINDOW BUFFER 100 ROWS PARTITION BY symbol ORDER BY ts) FROM t",
      "SELECT ROW_NUMBER() OVER (PARTITION BY s ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t",
      "SELECT COUNT(DISTINCT user_id), STRING_AGG(s, ',') FROM t",
      "SELECT * FROM t ORDER BY ts DESC LIMIT 10",
      "INSERT INTO sink SELECT * FROM t",
      "SELECT CAST(a AS DECIMAL(10, 2)), TRY_CAST(b AS DOUBLE PRECISION), a % 2, a ^ 2, a || 'x' FROM t",
      "SELECT SUBSTRING(s FROM 2 FOR 3), TRIM(LEADING 'x' FROM s), EXTRACT(YEAR FROM ts), POSITION('a' IN s) FROM t",
      "SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE x WHEN 1 THEN 'a' END FROM t",
      "SELECT a FROM t WHERE a BETWEEN 1 AND 2 AND b NOT LIKE 'x%' ESCAPE '!' AND c IS NOT NULL AND d IS TRUE",
      "SELECT status, metrics, properties, key, value, timestamp, window FROM t",
  };
  for (const char* q : queries) {
    auto p = parse_sql(q);
    EXPECT_TRUE(p.script) << q << "\n" << p.diags->render();
  }
}

TEST(Parser, KeywordsAreCaseInsensitive) {
  auto p = parse_sql("select A from T where B is not null limit 3");
  ASSERT_TRUE(p.script);
  auto& q = *static_cast<ast::SelectStatement&>(*p.script->statements[0]).query;
  EXPECT_EQ(q.limit.value_or(-1), 3);
}

TEST(Parser, OperatorPrecedence) {
  auto p = parse_sql("SELECT a + b * c, NOT x = y AND z OR w, p BETWEEN 1 AND 2 AND q FROM t");
  ASSERT_TRUE(p.script);
  auto& q = *static_cast<ast::SelectStatement&>(*p.script->statements[0]).query;
  auto& sum = q.items[0].expr->as<ast::BinaryExpr>();
  EXPECT_EQ(sum.op, ast::BinaryOp::Add);
  EXPECT_EQ(sum.right->as<ast::BinaryExpr>().op, ast::BinaryOp::Mul);
  auto& logic = q.items[1].expr->as<ast::BinaryExpr>();
  EXPECT_EQ(logic.op, ast::BinaryOp::Or);
  auto& conj = logic.left->as<ast::BinaryExpr>();
  EXPECT_EQ(conj.op, ast::BinaryOp::And);
  EXPECT_EQ(conj.left->as<ast::UnaryExpr>().op, ast::UnaryOp::Not);
  auto& between = q.items[2].expr->as<ast::BinaryExpr>();
  EXPECT_EQ(between.op, ast::BinaryOp::And);
  EXPECT_EQ(between.left->kind, ast::ExprKind::Between);
}

TEST(Parser, StringLiteralsKeepEveryByte) {
  std::string sql = "SELECT 'it''s \\ */ ??/ \n";
  sql += '\0';
  sql += "end' FROM t";
  auto p = parse_sql(sql);
  ASSERT_TRUE(p.script) << p.diags->render();
  auto& q = *static_cast<ast::SelectStatement&>(*p.script->statements[0]).query;
  std::string expected = "it's \\ */ ??/ \n";
  expected += '\0';
  expected += "end";
  EXPECT_EQ(q.items[0].expr->as<ast::LiteralExpr>().value, expected);
}

TEST(Parser, SourceRangesAreBytes) {
  auto p = parse_sql("SELECT 'é', usr_id FROM t");
  ASSERT_TRUE(p.script);
  auto& q = *static_cast<ast::SelectStatement&>(*p.script->statements[0]).query;
  EXPECT_EQ(p.file->slice(q.items[1].expr->range), "usr_id");
}

TEST(Parser, SyntaxErrorHasLineAndCaret) {
  auto p = parse_sql("SELECT a\nFORM t");
  EXPECT_FALSE(p.script);
  EXPECT_EQ(p.diags->render(),
            "q.sql:2:6: error: unexpected 't'; expected end of input, ';'\n"
            " 2 | FORM t\n"
            "   |      ^\n"
            "1 error generated.\n");
}

TEST(Parser, UnterminatedString) {
  auto p = parse_sql("SELECT 'abc FROM t");
  EXPECT_FALSE(p.script);
  EXPECT_NE(p.diags->render().find("unterminated string literal"), std::string::npos) << p.diags->render();
}

TEST(Parser, InvalidUtf8) {
  auto p = parse_sql("SELECT '\xff' FROM t");
  EXPECT_FALSE(p.script);
  EXPECT_NE(p.diags->render().find("not valid UTF-8"), std::string::npos);
}

TEST(Parser, DurationsInMilliseconds) {
  auto p = parse_sql("SELECT * FROM t WINDOW HOPPING (SIZE 5 MINUTES, ADVANCE BY 30s, GRACE PERIOD INTERVAL '2' HOUR)");
  ASSERT_TRUE(p.script);
  auto& q = *static_cast<ast::SelectStatement&>(*p.script->statements[0]).query;
  ASSERT_TRUE(q.window);
  EXPECT_EQ(q.window->size->ms, 5 * 60 * 1000);
  EXPECT_EQ(q.window->advance->ms, 30 * 1000);
  EXPECT_EQ(q.window->grace->ms, 2 * 3600 * 1000);
}

}  // namespace
}  // namespace streamc
