// GROUP BY: the keys, bound over the record (and the rows joined to it); the
// select list and HAVING then read the groups, each key through a GroupKey
// node and each distinct aggregate through an AggregateRef node. A column
// read outside both is an error, as in SQL.
#include "ir/expr_fields.h"
#include "sema/script_binder.h"

namespace streamc {
namespace {

bool has_aggregate(const Expr& e) {
  bool found = false;
  for_each_expr(e, [&](const Expr& x) { found = found || x.op == ExprOp::Aggregate; });
  return found;
}

// Rewrites an expression of the select list or HAVING to read the groups.
class GroupReads {
 public:
  GroupReads(BoundQuery& bq, Diagnostics& diags) : bq_(bq), diags_(diags) {
    for (const auto& k : bq.group_keys) key_text_.push_back(structural_key(*k));
  }

  ExprPtr rewrite(ExprPtr e) {
    const std::string key = structural_key(*e);
    for (size_t i = 0; i < key_text_.size(); ++i) {
      if (key == key_text_[i]) return leaf(ExprOp::GroupKey, static_cast<int>(i), *e);
    }
    if (e->op == ExprOp::Aggregate) {
      for (size_t j = 0; j < bq_.aggregates.size(); ++j) {
        if (key == structural_key(*bq_.aggregates[j])) return leaf(ExprOp::AggregateRef, static_cast<int>(j), *e);
      }
      bq_.aggregates.push_back(clone(*e));
      return leaf(ExprOp::AggregateRef, static_cast<int>(bq_.aggregates.size() - 1), *e);
    }
    if (e->op == ExprOp::Column) {
      diags_.report(DiagId::not_grouped, e->range, {e->column_name}).hint =
          "add it to GROUP BY, or aggregate it, as in MAX(" + e->text + ")";
      return e;
    }
    if (e->subquery) {
      diags_.report(DiagId::not_supported, e->range, {"a subquery in a query that groups"});
      return e;
    }
    for (auto& a : e->args) a = rewrite(std::move(a));
    return e;
  }

 private:
  static ExprPtr leaf(ExprOp op, int index, const Expr& e) {
    auto out = make_node(op, e.type, e.nullable, e.range);
    out->column = index;
    out->column_name = e.column_name;
    out->text = e.text;
    return out;
  }

  BoundQuery& bq_;
  Diagnostics& diags_;
  std::vector<std::string> key_text_;
};

}  // namespace

void ScriptBinder::bind_grouping(const ast::Query& q, ExpressionBinder& binder, BoundQuery& bq) {
  bool aggregates = false;
  for (const auto& c : bq.columns) aggregates = aggregates || has_aggregate(*c.expr);
  if (q.group_by.empty() && !aggregates && !q.having) {
    if (bq.window) {
      diags_.report(DiagId::not_supported, bq.window->range, {"a window without GROUP BY or aggregates"}).hint =
          "aggregate over the window, as in SELECT COUNT(*) ... GROUP BY ...";
    } else if (q.emit == ast::EmitMode::Final) {
      diags_.report(DiagId::not_supported, q.emit_range, {"EMIT FINAL on a query without GROUP BY or aggregates"});
    }
    return;
  }
  bq.grouped = true;
  // A window writes each of its groups once, when it closes (as Flink's
  // window functions do); without one, every change is written.
  bq.emit = q.emit == ast::EmitMode::Final || (q.emit == ast::EmitMode::Default && bq.window) ? Emit::Final
                                                                                            : Emit::Changes;
  if (q.limit) diags_.report(DiagId::not_supported, q.range, {"LIMIT on a query that groups"});
  bool keys_bound = true;
  for (const auto& k : q.group_by) {
    if (is_window_key(*k)) continue;  // TUMBLE(ts, ...): the window (bind_window)
    ExprPtr key = binder.bind(*k);
    if (key && key->op == ExprOp::WindowBound) {
      if (!bq.window) keys_bound = false;
      continue;  // Flink's GROUP BY window_start, window_end: the groups are per window already
    }
    if (key && key->is_literal()) {
      diags_.report(DiagId::not_supported, key->range, {"GROUP BY a constant or a column's position"}).hint =
          "group by the column itself, by name";
      key = nullptr;
    }
    keys_bound = keys_bound && key;
    if (key) bq.group_keys.push_back(std::move(key));
  }
  if (!keys_bound) return;  // what reads the groups would only repeat the key's error
  ExprPtr having;
  if (q.having) {
    binder.allow_aggregates(true);
    having = binder.bind(*q.having);
    binder.allow_aggregates(false);
    if (having && having->type.id != TypeId::Boolean && having->type.id != TypeId::Null) {
      diags_.report(DiagId::where_not_boolean, having->range, {"HAVING", having->type.to_string()});
      having = nullptr;
    }
  }
  GroupReads reads(bq, diags_);
  for (auto& c : bq.columns) c.expr = reads.rewrite(std::move(c.expr));
  if (having) bq.having = reads.rewrite(make_cast(std::move(having), SqlType::boolean()));
  for (const auto& a : bq.aggregates) {
    if (bq.window && bq.window->kind == WindowKind::Session && a->agg == AggKind::StringAgg) {
      continue;  // reported below with the other VARCHARs of a session
    }
    if (bq.window && bq.window->kind == WindowKind::Session && a->agg == AggKind::CountDistinct) {
      diags_.report(DiagId::not_supported, a->range, {"COUNT(DISTINCT ...) in a session window"});
    }
  }
  if (bq.window && bq.window->kind == WindowKind::Session) {
    // Two sessions that merge would join their texts, which needs the sessions' string pool in merge().
    for (const auto& a : bq.aggregates) {
      if (a->agg == AggKind::StringAgg) {
        diags_.report(DiagId::not_supported, a->range, {to_string(a->agg) + std::string(" in a session window")});
      }
    }
  }
}

}  // namespace streamc
