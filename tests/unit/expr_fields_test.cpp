// name: expression fields
// description: clone, the walk over every expression and the common-
// subexpression key all come from one list of an expression's fields
#include <gtest/gtest.h>

#include <vector>

#include "ir/expr_fields.h"

namespace streamc {
namespace {

ExprPtr column(int source, int col, const char* name) {
  auto e = std::make_unique<Expr>();
  e->op = ExprOp::Column;
  e->type = SqlType::bigint();
  e->source = source;
  e->column = col;
  e->column_name = name;
  e->text = name;
  return e;
}

ExprPtr literal(int64_t v) {
  auto e = std::make_unique<Expr>();
  e->op = ExprOp::Literal;
  e->type = SqlType::bigint();
  e->nullable = false;
  e->literal = v;
  return e;
}

ExprPtr binary(ExprOp op, ExprPtr a, ExprPtr b, const char* text) {
  auto e = std::make_unique<Expr>();
  e->op = op;
  e->type = SqlType::bigint();
  e->text = text;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

TEST(ExprFields, KeyIgnoresSpellingButNotMeaning) {
  auto a = binary(ExprOp::Mul, column(0, 3, "quantity"), column(0, 4, "price"), "quantity*price");
  auto b = binary(ExprOp::Mul, column(0, 3, "t.quantity"), column(0, 4, "t.price"), "t.quantity * t.price");
  EXPECT_FALSE(structural_key(*a).empty());
  EXPECT_EQ(structural_key(*a), structural_key(*b));
  auto other_column = binary(ExprOp::Mul, column(0, 3, "quantity"), column(1, 4, "price"), "quantity*price");
  auto other_op = binary(ExprOp::Add, column(0, 3, "quantity"), column(0, 4, "price"), "quantity*price");
  auto x = binary(ExprOp::Add, column(0, 3, "q"), literal(1), "q + 1");
  auto y = binary(ExprOp::Add, column(0, 3, "q"), literal(2), "q + 1");
  EXPECT_NE(structural_key(*a), structural_key(*other_column));
  EXPECT_NE(structural_key(*a), structural_key(*other_op));
  EXPECT_NE(structural_key(*x), structural_key(*y));
  b->nullable = false;
  EXPECT_NE(structural_key(*a), structural_key(*b));
}

TEST(ExprFields, SubqueriesAreNeverShared) {
  auto e = std::make_unique<Expr>();
  e->op = ExprOp::Exists;
  e->type = SqlType::boolean();
  auto sub = std::make_shared<Subquery>();
  sub->condition = binary(ExprOp::Eq, column(1, 0, "k"), column(0, 0, "k"), "k = k");
  e->subquery = sub;
  EXPECT_EQ(structural_key(*e), "");
  auto wrapped = binary(ExprOp::And, std::move(e), literal(1), "x");
  EXPECT_EQ(structural_key(*wrapped), "");
}

TEST(ExprFields, CloneIsDeepAndComplete) {
  auto e = binary(ExprOp::Mul, column(0, 3, "quantity"), literal(7), "quantity * 7");
  e->has_else = true;
  e->compare = ExprOp::Ge;
  e->all = true;
  e->range = SourceRange{4, 9};
  auto sub = std::make_shared<Subquery>();
  sub->relation = 2;
  sub->key.push_back(column(0, 1, "user_id"));
  sub->aggregate = AggKind::Max;
  e->subquery = sub;
  ExprPtr c = clone(*e);
  EXPECT_EQ(c->op, ExprOp::Mul);
  EXPECT_EQ(c->text, "quantity * 7");
  EXPECT_TRUE(c->has_else);
  EXPECT_EQ(c->compare, ExprOp::Ge);
  EXPECT_TRUE(c->all);
  EXPECT_EQ(c->range.begin, 4u);
  ASSERT_EQ(c->args.size(), 2u);
  EXPECT_NE(c->args[0].get(), e->args[0].get());
  EXPECT_EQ(c->args[0]->column_name, "quantity");
  EXPECT_EQ(std::get<int64_t>(c->args[1]->literal), 7);
  ASSERT_NE(c->subquery, nullptr);
  EXPECT_NE(c->subquery.get(), e->subquery.get());  // shares nothing
  EXPECT_EQ(c->subquery->relation, 2);
  EXPECT_EQ(c->subquery->aggregate, AggKind::Max);
  ASSERT_EQ(c->subquery->key.size(), 1u);
  EXPECT_EQ(c->subquery->key[0]->column_name, "user_id");
}

TEST(ExprFields, WalkReachesSubqueryExpressions) {
  auto e = std::make_unique<Expr>();
  e->op = ExprOp::InSubquery;
  e->args.push_back(column(0, 1, "a"));
  auto sub = std::make_shared<Subquery>();
  sub->key.push_back(column(0, 2, "b"));
  sub->index_probe.push_back(column(0, 3, "c"));
  sub->build_filter = column(1, 4, "d");
  sub->condition = column(1, 5, "e");
  sub->value = column(1, 6, "f");
  e->subquery = sub;
  std::vector<std::string> columns;
  for_each_expr(*e, [&](const Expr& x) {
    if (x.op == ExprOp::Column) columns.push_back(x.column_name);
  });
  EXPECT_EQ(columns, (std::vector<std::string>{"a", "b", "c", "d", "e", "f"}));
}

}  // namespace
}  // namespace streamc
