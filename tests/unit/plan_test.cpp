// The plan: column pruning, one scan shared by the queries reading a source,
// and the explain views.
#include <gtest/gtest.h>

#include "compiler_test_util.h"
#include "plan/plan.h"

namespace streamc {
namespace {

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
  EXPECT_NE(text.find("    Scan trades [symbol, quantity, price]\n    Filter quantity > 1\n"
                      "    Project symbol VARCHAR, notional DECIMAL(28,4)\n    Limit 5\n    Sink stdout (json)\n"),
            std::string::npos)
      << text;
  std::string dot = explain_dot(plan);
  EXPECT_NE(dot.find("scan0 -> pipeline0;"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"on_trades_0\\nFilter quantity > 1\\nProject 2 columns\\nLimit 5\""), std::string::npos)
      << dot;
}

}  // namespace
}  // namespace streamc
