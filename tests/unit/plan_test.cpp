// The plan: column pruning, one scan shared by the queries reading a source,
// and the explain views.
#include <gtest/gtest.h>

#include "compiler_test_util.h"
#include "ir/expr_fields.h"
#include "plan/plan.h"

namespace streamc {
namespace {

std::vector<std::string> operator_names(const Pipeline& p) {
  std::vector<std::string> ops;
  for (const Operator& op : p.operators) ops.push_back(to_string(op.kind));
  return ops;
}

TEST(Plan, ScansReadOnlyUsedColumns) {
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "SELECT symbol FROM trades WHERE quantity > 1;\n"
                                  "SELECT UPPER(user_id) AS u FROM trades");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  ASSERT_EQ(plan.scans.size(), 1u);  // both queries share one pass over the file
  ASSERT_EQ(plan.pipelines.size(), 2u);
  std::vector<std::string> fields;
  for (const auto& f : plan.scans[0].fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"user_id", "symbol", "quantity"}));  // schema order
  EXPECT_EQ(plan.scans[0].row_type, "TradesRow");
  EXPECT_EQ(plan.pipelines[1].function, "on_trades_1");
}

TEST(Plan, IdentifiersAreSafeCpp) {
  EXPECT_EQ(cpp_identifier("user id"), "user_id");
  EXPECT_EQ(cpp_identifier("1st"), "c_1st");
  EXPECT_EQ(cpp_identifier("class"), "class_");
  EXPECT_EQ(cpp_identifier("_x"), "c_x");
  EXPECT_EQ(cpp_identifier("a__b"), "ca__b");
  EXPECT_EQ(camel_case("user_profiles"), "UserProfiles");
}

TEST(Plan, Explain) {
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "SELECT symbol, quantity * price AS notional FROM trades WHERE quantity > 1 LIMIT 5");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  std::string text = explain(plan);
  EXPECT_NE(text.find("stream trades: json file 'trades.jsonl', declared schema"), std::string::npos) << text;
  EXPECT_NE(text.find("    fee DOUBLE  (not used)"), std::string::npos) << text;
  EXPECT_NE(text.find("    Scan trades [symbol, quantity, price]\n    Limit 5\n    Filter quantity > 1\n"
                      "    Project symbol VARCHAR, notional DECIMAL(28,4)\n    Sink stdout (json)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("state:\n  emitted_0_: limit counter, per record (records written, for LIMIT 5)\n"),
            std::string::npos)
      << text;
  std::string dot = explain_dot(plan);
  EXPECT_NE(dot.find("scan0 -> pipeline0;"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"on_trades_0\\nLimit 5\\nFilter quantity > 1\\nProject 2 columns\""), std::string::npos)
      << dot;
}

// The operators of a join pipeline in the order the planner decided, and the
// state objects the program keeps, each with what changes it.
TEST(Plan, OperatorsAndStateObjects) {
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)\n"
                                  "  WITH ('connector' = 'file', 'path' = 'users.csv');\n"
                                  "SELECT t.symbol, u.tier FROM trades t LEFT JOIN users u ON t.user_id = u.user_id\n"
                                  "WHERE t.quantity > 1 AND u.tier IS NOT NULL AND EXISTS (SELECT 1 FROM users x)");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  ASSERT_EQ(plan.pipelines.size(), 1u);
  // A filter on the stream alone runs before the lookup; one that reads the table after it.
  EXPECT_EQ(operator_names(plan.pipelines[0]), (std::vector<std::string>{"Scan", "Filter", "Filter", "LookupJoin", "Filter", "Project", "Sink"}));
  std::vector<std::string> states;
  for (const StateObject& s : plan.states) states.push_back(std::string(to_string(s.kind)) + " " + to_string(s.trigger));
  EXPECT_EQ(states, (std::vector<std::string>{"lookup table on table change", "subquery cache on table change"}));
  std::string text = explain(plan);
  EXPECT_NE(text.find("  users_: lookup table, on table change (users, keyed by user_id;"), std::string::npos) << text;
}

// GROUP BY: the keys and the distinct aggregates (each once, however often
// the select list and HAVING read it), the operators around Emit, and the
// groups as a state object that acts at the end of input with EMIT FINAL.
TEST(Plan, GroupByOperatorsAndState) {
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "SELECT symbol, COUNT(*) AS n, MAX(price) - MIN(price) AS spread, MAX(price) AS top\n"
                                  "FROM trades WHERE quantity > 0 GROUP BY symbol HAVING COUNT(*) > 1 EMIT FINAL");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  const Pipeline& p = plan.pipelines.at(0);
  ASSERT_TRUE(p.grouping);
  EXPECT_EQ(p.grouping->keys.size(), 1u);
  ASSERT_EQ(p.grouping->aggregates.size(), 3u);  // COUNT(*), MAX(price), MIN(price)
  EXPECT_EQ(p.grouping->aggregates[1]->agg, AggKind::Max);
  EXPECT_EQ(p.columns[0].expr->op, ExprOp::GroupKey);
  EXPECT_EQ(p.columns[3].expr->op, ExprOp::AggregateRef);
  EXPECT_EQ(p.columns[3].expr->column, 1);  // the MAX(price) of `spread`
  std::string text = explain(plan);
  EXPECT_NE(text.find("    Filter quantity > 0\n    Aggregate by (symbol): COUNT(*), MAX(price), MIN(price)\n"
                      "    Emit FINAL: each group once, at the end of input\n    Having COUNT(*) > 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("groups_0_: group state, at end of input"), std::string::npos) << text;
}

// A stream whose every query is GROUP BY ... EMIT FINAL over aggregates that
// merge is aggregated per thread: its groups live in a lane.
TEST(Plan, GroupsThatMergeAreAggregatedInLanes) {
  auto lane_of = [](const std::string& query) -> std::string {
    auto b = testing_util::bind_sql(std::string(testing_util::kTrades) + query);
    EXPECT_TRUE(b.program) << b.errors();
    if (!b.program) return "?";
    Plan plan = make_plan(*b.program);
    const LanePlan* lane = plan.lane_of(plan.pipelines.at(0));
    return lane ? lane->type + " " + lane->member : "";
  };
  EXPECT_EQ(lane_of("SELECT symbol, COUNT(*) AS n, SUM(price) AS s, AVG(quantity) AS q, MIN(price) AS lo,\n"
                    "FIRST(price) AS f, STDDEV(price) AS sd FROM trades GROUP BY symbol EMIT FINAL"),
            "TradesLane trades_lane_");
  // The watermark, the order of changes, a table, a string a group keeps, the values of each group: not.
  for (const char* query : {
           "SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol EMIT CHANGES",
           "SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(1m) EMIT FINAL",
           "SELECT symbol, COUNT(DISTINCT quantity) AS n FROM trades GROUP BY symbol EMIT FINAL",
           "SELECT quantity, MIN(symbol) AS s FROM trades GROUP BY quantity EMIT FINAL",
           "SELECT quantity, STRING_AGG(symbol, ',') AS s FROM trades GROUP BY quantity EMIT FINAL",
       }) {
    EXPECT_EQ(lane_of(query), "") << query;
  }
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol EMIT FINAL;\n"
                                  "SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol EMIT CHANGES");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  EXPECT_EQ(plan.lane_of(plan.pipelines.at(0)), nullptr) << "every query of the stream must merge";
  std::string text = explain(make_plan(*testing_util::bind_sql(std::string(testing_util::kTrades) +
                                                               "SELECT symbol, COUNT(*) AS n FROM trades "
                                                               "GROUP BY symbol EMIT FINAL")
                                           .program));
  EXPECT_NE(text.find("aggregated per thread: each thread's groups (TradesLane) merge once a file has been read"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("trades_lane_.groups_0_: group state"), std::string::npos) << text;
}

// LAG: one Analytic operator before Project for the distinct LAGs (written
// twice, kept once), each with a row buffer of its partitions.
TEST(Plan, LagIsAnAnalyticWithARowBuffer) {
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "SELECT symbol, LAG(price) OVER (PARTITION BY symbol ORDER BY ts) AS prev,\n"
                                  "price - LAG(price) OVER (PARTITION BY symbol ORDER BY ts) AS change FROM trades");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  const Pipeline& p = plan.pipelines.at(0);
  ASSERT_EQ(p.analytics.size(), 1u);
  EXPECT_EQ(p.analytics[0].node->column, 1);  // the offset
  EXPECT_EQ(p.columns[1].expr->op, ExprOp::AnalyticRef);
  std::string text = explain(plan);
  EXPECT_NE(text.find("    Scan trades [symbol, price]\n    Analytic LAG(price) OVER (PARTITION BY symbol ORDER BY ts)\n"
                      "    Project "),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("lag_0_0_: row buffer, per record"), std::string::npos) << text;
}

// LEAD: the Hold operator keeps what the columns read besides the LEADs
// (the largest parts that read none); the columns read them by HeldRef.
TEST(Plan, LeadHoldsWhatTheColumnsReadBesidesIt) {
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "SELECT symbol, LEAD(price, 2) OVER (PARTITION BY symbol ORDER BY ts) - price * 2\n"
                                  "  AS change FROM trades");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  const Pipeline& p = plan.pipelines.at(0);
  EXPECT_EQ(operator_names(p), (std::vector<std::string>{"Scan", "Hold", "Project", "Sink"}));
  ASSERT_TRUE(p.holding);
  EXPECT_FALSE(p.holding->whole);
  EXPECT_EQ(p.holding->ahead, 2);
  ASSERT_EQ(p.holding->leads.size(), 1u);
  std::vector<std::string> held;
  for (const auto& v : p.holding->values) held.push_back(v->text);
  // LEAD's value (read from the record 2 after), the column symbol, and price * 2.
  EXPECT_EQ(held, (std::vector<std::string>{"price", "symbol", "price * 2"}));
  EXPECT_EQ(p.columns[0].expr->op, ExprOp::HeldRef);
  // The change reads the LEAD and the held price * 2, not the record's columns.
  std::vector<ExprOp> leaves;
  for_each_expr(*p.columns[1].expr, [&](const Expr& e) {
    if (e.args.empty()) leaves.push_back(e.op);
  });
  EXPECT_EQ(leaves, (std::vector<ExprOp>{ExprOp::AnalyticRef, ExprOp::HeldRef}));
  std::string text = explain(plan);
  EXPECT_NE(text.find("    Hold: a record waits in its partition for the 2 record(s) after it (LEAD)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("held_0_: held records, per record"), std::string::npos) << text;
}

// PERCENT_RANK needs the whole partition: every record is held until the
// input ends, with its RANK (which the Analytic operator gives on arrival).
TEST(Plan, PercentRankHoldsEveryRecordToTheEnd) {
  auto b = testing_util::bind_sql(std::string(testing_util::kTrades) +
                                  "SELECT PERCENT_RANK() OVER (PARTITION BY symbol ORDER BY quantity) AS pr,\n"
                                  "  NTILE(4) OVER (PARTITION BY symbol ORDER BY ts) AS q FROM trades");
  ASSERT_TRUE(b.program) << b.errors();
  Plan plan = make_plan(*b.program);
  const Pipeline& p = plan.pipelines.at(0);
  EXPECT_EQ(operator_names(p), (std::vector<std::string>{"Scan", "Analytic", "Hold", "Project", "Sink"}));
  ASSERT_TRUE(p.holding);
  EXPECT_TRUE(p.holding->whole);
  ASSERT_EQ(p.holding->wholes.size(), 2u);
  EXPECT_GE(p.holding->wholes[0].rank, 0);  // PERCENT_RANK holds the record's RANK
  EXPECT_EQ(p.holding->wholes[1].rank, -1);  // NTILE needs only the record's place
  EXPECT_EQ(p.analytics[1].member, "");      // NTILE keeps nothing on arrival
  std::string text = explain(plan);
  EXPECT_NE(text.find("held_0_: held records, at end of input"), std::string::npos) << text;
}

}  // namespace
}  // namespace streamc
