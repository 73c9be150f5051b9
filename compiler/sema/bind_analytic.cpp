// Row analytics: LAG(x [, k [, default]]), LEAD(x [, k [, default]]), ROW_NUMBER(), RANK(),
// DENSE_RANK(), FIRST_VALUE(x), LAST_VALUE(x), NTH_VALUE(x, n) and running
// SUM / AVG / COUNT / MIN / MAX OVER ([ROWS WINDOW BUFFER n ROWS] [PARTITION
// BY ...] [ORDER BY ...] [ROWS BETWEEN n PRECEDING AND CURRENT ROW]). Rows
// are taken in the order they arrive: ORDER BY names that order and is not
// sorted on (see docs/semantics.md).
#include "ir/expr_fields.h"
#include "sema/expression_binder.h"
#include "sema/script_binder.h"
#include "util/strings.h"

namespace streamc {
namespace {

// Each distinct row analytic of an expression to an AnalyticRef of bq.analytics.
ExprPtr read_analytics(ExprPtr e, BoundQuery& bq, Diagnostics& diags) {
  if (e->op == ExprOp::Lag || e->op == ExprOp::Lead || e->op == ExprOp::Over) {
    if (bq.grouped) {
      diags.report(DiagId::not_supported, e->range, {"a row analytic (... OVER) in a query that groups"});
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

// The partition keys of a row analytic, as one key.
std::string partition_of(const Expr& e) {
  std::string key;
  for (size_t i = static_cast<size_t>(analytic_partition_from(e)); i < e.args.size(); ++i) {
    key += structural_key(*e.args[i]) + ";";
  }
  return key;
}

}  // namespace

void ScriptBinder::bind_analytics(BoundQuery& bq) {
  for (auto& c : bq.columns) c.expr = read_analytics(std::move(c.expr), bq, diags_);
  // A query's records are held in the partitions of its LEADs (PERCENT_RANK,
  // CUME_DIST, NTILE): one PARTITION BY for all of them.
  const Expr* first = nullptr;
  for (const auto& a : bq.analytics) {
    if (!needs_later_records(*a)) continue;
    if (!first) {
      first = a.get();
    } else if (partition_of(*a) != partition_of(*first)) {
      diags_.report(DiagId::not_supported, a->range,
                    {"LEAD, PERCENT_RANK, CUME_DIST and NTILE over different PARTITION BY in one query"})
          .hint = "a record is held in its partition until they are known; give them all the same PARTITION BY";
    }
  }
}

ExprPtr ExpressionBinder::bind_analytic(const ast::FunctionExpr& f) {
  const ast::WindowSpec& over = *f.over;
  const std::string name = to_upper(f.name);
  if (!analytics_) {
    diags_.report(DiagId::type_mismatch, f.range,
                  {name + " ... OVER belongs in the select list of a query that does not group"});
    return nullptr;
  }
  if (!over.frame_unsupported.empty()) {
    diags_.report(DiagId::not_supported, over.frame_range, {over.frame_unsupported}).hint =
        "frames end at the current row: ROWS BETWEEN n PRECEDING AND CURRENT ROW, or UNBOUNDED PRECEDING";
    return nullptr;
  }
  if (f.name != "lag" && f.name != "lead") return bind_over(f);
  const bool lead = f.name == "lead";
  if (over.has_frame) {
    diags_.report(DiagId::not_supported, over.range, {"a frame (ROWS BETWEEN ...) for " + name});
    return nullptr;
  }
  if (f.args.empty() || f.args.size() > 3 || f.star || f.distinct) {
    diags_.report(DiagId::wrong_argument_count, f.range, {name, "1 to 3 arguments", std::to_string(f.args.size())});
    return nullptr;
  }
  if (lead && (over.expire_ms > 0 || over.emit_on_buffer_full)) {
    diags_.report(DiagId::not_supported, over.expire_ms > 0 ? over.expire_range : over.range,
                  {"LEAD with EXPIRE AFTER or EMIT ON BUFFER FULL"});
    return nullptr;
  }
  ExprPtr value = bind(*f.args[0]);
  if (!value) return nullptr;
  // LEAD's values are held with the record, strings copied; LAG's ring keeps copies the partitions' table owns.
  if (value->type.id == TypeId::Null) value = make_cast(std::move(value), SqlType::bigint());
  // LEAD holds up to k records per partition, each in a slot of its own.
  const int64_t most = lead ? 10000 : 1000000;
  int64_t offset = 1;
  if (f.args.size() >= 2) {
    ExprPtr k = bind(*f.args[1]);
    if (!k) return nullptr;
    const auto* n = std::get_if<int64_t>(&k->literal);
    if (!k->is_literal() || !n || *n < 1 || *n > most) {
      diags_.report(DiagId::type_mismatch, k->range,
                    {name + "'s offset must be a whole number from 1 to " + std::to_string(most)});
      return nullptr;
    }
    offset = *n;
  }
  if (over.buffer_rows > 0 && offset > over.buffer_rows) {
    diags_.report(DiagId::type_mismatch, f.range,
                  {name + " reaches " + std::to_string(offset) + (lead ? " rows ahead" : " rows back") +
                   ", but the buffer holds " + std::to_string(over.buffer_rows)});
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
  auto node = make_node(lead ? ExprOp::Lead : ExprOp::Lag, value->type, true, f.range);
  node->column = static_cast<int>(offset);
  node->args.push_back(std::move(value));
  node->args.push_back(std::move(fallback));
  if (!bind_partition(over, *node)) return nullptr;
  return node;
}

// The partition keys of an OVER, appended to `node`'s args, then
// Velostream's options: EXPIRE AFTER (the event time, its ORDER BY, last)
// and EMIT ON BUFFER FULL. False after reporting.
bool ExpressionBinder::bind_partition(const ast::WindowSpec& over, Expr& node) {
  for (const auto& p : over.partition_by) {
    ExprPtr key = bind(*p);
    if (!key) return false;
    node.args.push_back(std::move(key));
  }
  if (over.emit_on_buffer_full) {
    if (over.buffer_rows <= 0) {
      diags_.report(DiagId::type_mismatch, over.range, {"EMIT ON BUFFER FULL needs ROWS WINDOW BUFFER n ROWS"});
      return false;
    }
    node.emit_when_rows = over.buffer_rows;
  }
  if (over.expire_ms > 0) {
    ExprPtr time = over.order_by.empty() ? nullptr : bind(*over.order_by[0].expr);
    const TypeId type = time ? time->type.id : TypeId::Null;
    if (type != TypeId::Timestamp && type != TypeId::BigInt && type != TypeId::Int) {
      if (time || over.order_by.empty()) {
        diags_.report(DiagId::type_mismatch, over.expire_range,
                      {"EXPIRE AFTER measures event time: it needs ORDER BY a TIMESTAMP (or BIGINT milliseconds)"});
      }
      return false;
    }
    node.expire = over.expire_ms;
    node.args.push_back(make_cast(std::move(time), SqlType::bigint()));
  }
  return true;
}

// The row analytics besides LAG: an Over node (see ir/expr.h).
ExprPtr ExpressionBinder::bind_over(const ast::FunctionExpr& f) {
  const ast::WindowSpec& over = *f.over;
  const std::string name = to_upper(f.name);
  // The frame: the clause's, else Velostream's buffer (its last n rows), else the whole partition so far.
  const int64_t frame = over.has_frame ? over.frame_preceding : over.buffer_rows > 0 ? over.buffer_rows - 1 : -1;
  if (frame > 10000) {
    // A frame's rows are kept in a ring per partition.
    diags_.report(DiagId::not_supported, over.has_frame ? over.frame_range : over.range,
                  {"a frame of more than 10001 rows"});
    return nullptr;
  }
  auto node = make_node(ExprOp::Over, SqlType::bigint(), false, f.range);
  auto arity = [&](size_t n, const char* what) {
    if (f.args.size() == n && !f.star && !f.distinct) return true;
    diags_.report(DiagId::wrong_argument_count, f.range, {name, what, std::to_string(f.args.size())});
    return false;
  };
  auto value = [&]() -> ExprPtr {
    ExprPtr v = bind(*f.args[0]);
    if (v && v->type.id == TypeId::Varchar) {
      diags_.report(DiagId::not_supported, f.range, {name + " of VARCHAR over rows"});
      return nullptr;
    }
    if (v && v->type.id == TypeId::Null) v = make_cast(std::move(v), SqlType::bigint());
    return v;
  };
  const std::optional<AggKind> agg = agg_kind_of(f.name);
  if (f.name == "row_number") {
    if (!arity(0, "no arguments")) return nullptr;
    node->analytic = AnalyticKind::RowNumber;
  } else if (f.name == "rank" || f.name == "dense_rank" || f.name == "percent_rank" || f.name == "cume_dist") {
    if (!arity(0, "no arguments")) return nullptr;
    // PERCENT_RANK and CUME_DIST without ORDER BY: every row is a peer of every other (0 and 1), as in SQL.
    const bool fraction = f.name == "percent_rank" || f.name == "cume_dist";
    if (over.order_by.empty() && !fraction) {
      diags_.report(DiagId::type_mismatch, f.range, {name + " needs ORDER BY in its OVER (...)"});
      return nullptr;
    }
    node->analytic = f.name == "rank"           ? AnalyticKind::Rank
                     : f.name == "dense_rank"   ? AnalyticKind::DenseRank
                     : f.name == "percent_rank" ? AnalyticKind::PercentRank
                                                : AnalyticKind::CumeDist;
    if (fraction) node->type = SqlType::float64();
    for (const auto& o : over.order_by) {
      ExprPtr key = bind(*o.expr);
      if (!key) return nullptr;
      if (key->type.id == TypeId::Varchar) {
        diags_.report(DiagId::not_supported, o.range, {name + " ordered by VARCHAR"});
        return nullptr;
      }
      node->args.push_back(std::move(key));
    }
    node->column = static_cast<int>(node->args.size());
  } else if (f.name == "first_value" || f.name == "last_value") {
    if (!arity(1, "one argument")) return nullptr;
    ExprPtr v = value();
    if (!v) return nullptr;
    node->analytic = f.name == "first_value" ? AnalyticKind::FirstValue : AnalyticKind::LastValue;
    node->type = v->type;
    node->nullable = v->nullable;
    node->column = static_cast<int>(frame);
    node->args.push_back(std::move(v));
  } else if (f.name == "nth_value") {
    if (!arity(2, "two arguments")) return nullptr;
    ExprPtr v = value();
    ExprPtr n = v ? bind(*f.args[1]) : nullptr;
    if (!n) return nullptr;
    const auto* k = std::get_if<int64_t>(&n->literal);
    if (!n->is_literal() || !k || *k < 1 || *k > 1000000 || (frame >= 0 && *k > frame + 1)) {
      diags_.report(DiagId::type_mismatch, n->range,
                    {"NTH_VALUE's n must be a whole number from 1 to " +
                     std::to_string(frame >= 0 ? frame + 1 : 1000000) + (frame >= 0 ? ", the rows of its frame" : "")});
      return nullptr;
    }
    if (frame >= 0) {
      diags_.report(DiagId::not_supported, f.range, {"NTH_VALUE over a frame of the last rows"});
      return nullptr;
    }
    node->analytic = AnalyticKind::NthValue;
    node->type = v->type;
    node->column = static_cast<int>(*k);
    node->args.push_back(std::move(v));
  } else if (agg && !is_spread(*agg) && !is_positional(*agg) && *agg != AggKind::StringAgg &&
             *agg != AggKind::CountDistinct) {
    if (f.filter) {
      diags_.report(DiagId::not_supported, f.filter->range, {"FILTER (WHERE ...) on a running aggregate"});
      return nullptr;
    }
    ExprPtr v;
    if (*agg == AggKind::Count && f.star && f.args.empty()) {
      v = make_node(ExprOp::Literal, SqlType::boolean(), false, f.range);
      v->literal = true;
    } else {
      if (!arity(1, "one argument")) return nullptr;
      v = value();
      if (!v) return nullptr;
      if (*agg != AggKind::Count && *agg != AggKind::Min && *agg != AggKind::Max && !v->type.is_numeric()) {
        diags_.report(DiagId::type_mismatch, v->range, {name + " needs a number, not " + v->type.to_string()});
        return nullptr;
      }
    }
    node->analytic = AnalyticKind::Running;
    node->agg = *agg;
    node->type = aggregate_type(*agg, v->type);
    node->nullable = *agg != AggKind::Count;
    node->column = static_cast<int>(frame);
    node->args.push_back(std::move(v));
  } else if (f.name == "ntile") {
    if (!arity(1, "one argument")) return nullptr;
    ExprPtr n = bind(*f.args[0]);
    if (!n) return nullptr;
    const auto* k = std::get_if<int64_t>(&n->literal);
    if (!n->is_literal() || !k || *k < 1 || *k > 1000000) {
      diags_.report(DiagId::type_mismatch, n->range, {"NTILE's n must be a whole number from 1 to 1000000"});
      return nullptr;
    }
    node->analytic = AnalyticKind::Ntile;
    node->column = static_cast<int>(*k);
  } else {
    diags_.report(DiagId::not_supported, f.range, {"the analytic function '" + text_of(f.name_range) + "' with OVER"});
    return nullptr;
  }
  if (needs_whole_partition(*node) && (over.expire_ms > 0 || over.emit_on_buffer_full)) {
    diags_.report(DiagId::not_supported, over.expire_ms > 0 ? over.expire_range : over.range,
                  {name + " with EXPIRE AFTER or EMIT ON BUFFER FULL"});
    return nullptr;
  }
  if (!bind_partition(over, *node)) return nullptr;
  return node;
}

}  // namespace streamc
