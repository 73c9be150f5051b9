// Row analytics: LAG(x [, k [, default]]) OVER ([ROWS WINDOW BUFFER n ROWS]
// PARTITION BY ... [ORDER BY ...]). Rows are taken in the order they arrive:
// ORDER BY names that order and is not sorted on (see docs/semantics.md).
#include "ir/expr_fields.h"
#include "sema/expression_binder.h"
#include "sema/script_binder.h"
#include "util/strings.h"

namespace streamc {
namespace {

// Each distinct LAG of an expression to an AnalyticRef of bq.analytics.
ExprPtr read_analytics(ExprPtr e, BoundQuery& bq, Diagnostics& diags) {
  if (e->op == ExprOp::Lag) {
    if (bq.grouped) {
      diags.report(DiagId::not_supported, e->range, {"LAG ... OVER in a query that groups"});
      return e;
    }
    const std::string key = structural_key(*e);
    size_t i = 0;
    while (i < bq.analytics.size() && structural_key(*bq.analytics[i]) != key) ++i;
    if (i == bq.analytics.size()) bq.analytics.push_back(clone(*e));
    auto ref = make_node(ExprOp::AnalyticRef, e->type, true, e->range);
    ref->column = static_cast<int>(i);
    ref->text = e->text;
    return ref;
  }
  for (auto& a : e->args) a = read_analytics(std::move(a), bq, diags);
  return e;
}

}  // namespace

void ScriptBinder::bind_analytics(BoundQuery& bq) {
  for (auto& c : bq.columns) c.expr = read_analytics(std::move(c.expr), bq, diags_);
}

ExprPtr ExpressionBinder::bind_analytic(const ast::FunctionExpr& f) {
  const ast::WindowSpec& over = *f.over;
  if (f.name != "lag") {
    diags_.report(DiagId::not_supported, f.range, {"the analytic function '" + text_of(f.name_range) + "' with OVER"});
    return nullptr;
  }
  if (!analytics_) {
    diags_.report(DiagId::type_mismatch, f.range,
                  {"LAG ... OVER belongs in the select list of a query that does not group"});
    return nullptr;
  }
  if (over.has_frame) {
    diags_.report(DiagId::not_supported, over.range, {"a frame (ROWS BETWEEN ...) for LAG"});
    return nullptr;
  }
  if (f.args.empty() || f.args.size() > 3 || f.star || f.distinct) {
    diags_.report(DiagId::wrong_argument_count, f.range, {"LAG", "1 to 3 arguments", std::to_string(f.args.size())});
    return nullptr;
  }
  ExprPtr value = bind(*f.args[0]);
  if (!value) return nullptr;
  if (value->type.id == TypeId::Varchar) {
    diags_.report(DiagId::not_supported, f.range, {"LAG of VARCHAR"});
    return nullptr;
  }
  if (value->type.id == TypeId::Null) value = make_cast(std::move(value), SqlType::bigint());
  int64_t offset = 1;
  if (f.args.size() >= 2) {
    ExprPtr k = bind(*f.args[1]);
    if (!k) return nullptr;
    const auto* n = std::get_if<int64_t>(&k->literal);
    if (!k->is_literal() || !n || *n < 1 || *n > 1000000) {
      diags_.report(DiagId::type_mismatch, k->range, {"LAG's offset must be a whole number from 1 to 1000000"});
      return nullptr;
    }
    offset = *n;
  }
  if (over.buffer_rows > 0 && offset > over.buffer_rows) {
    diags_.report(DiagId::type_mismatch, f.range,
                  {"LAG reaches " + std::to_string(offset) + " rows back, but the buffer holds " +
                   std::to_string(over.buffer_rows)});
    return nullptr;
  }
  ExprPtr fallback;
  if (f.args.size() == 3) {
    fallback = bind(*f.args[2]);
    if (!fallback) return nullptr;
    fallback = convert(std::move(fallback), value->type);
    if (!fallback) return nullptr;
  } else {
    fallback = make_cast(make_node(ExprOp::Literal, SqlType::null(), true, f.range), value->type);
  }
  auto node = make_node(ExprOp::Lag, value->type, true, f.range);
  node->column = static_cast<int>(offset);
  node->args.push_back(std::move(value));
  node->args.push_back(std::move(fallback));
  for (const auto& p : over.partition_by) {
    ExprPtr key = bind(*p);
    if (!key) return nullptr;
    node->args.push_back(std::move(key));
  }
  return node;
}

}  // namespace streamc
