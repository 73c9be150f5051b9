// Subqueries against tables: EXISTS, IN, scalar and ANY/ALL, in WHERE and in
// the select list. The subquery's table becomes a relation of the query;
// its WHERE either gives the table's key (a keyed lookup per record) or does
// not read the outer query at all (computed once per change of the table).
#include "sema/expression_binder.h"
#include "sema/key_match.h"
#include "util/strings.h"

namespace streamc {

std::shared_ptr<Subquery> ExpressionBinder::bind_subquery_body(const ast::Query& q, bool wants_value,
                                                                    bool scalar) {
  auto unsupported = [&](SourceRange r, const std::string& what) {
    diags_.report(DiagId::not_supported, r, {what});
    return nullptr;
  };
  if (!resolver_) return unsupported(q.range, "a subquery here");
  if (inner_ >= 0) return unsupported(q.range, "a subquery inside a subquery");
  if (!q.from) {
    diags_.report(DiagId::no_source, q.range, {"a subquery needs FROM naming a table"});
    return nullptr;
  }
  if (!q.joins.empty()) return unsupported(q.joins[0].range, "a JOIN inside a subquery");
  if (!q.group_by.empty() || q.having || q.window || !q.order_by.empty() || q.limit || q.distinct) {
    return unsupported(q.range, "GROUP BY, HAVING, WINDOW, ORDER BY, LIMIT or DISTINCT in a subquery");
  }
  if (wants_value && (q.items.size() != 1 || q.items[0].kind != ast::SelectItemKind::Expr)) {
    diags_.report(DiagId::type_mismatch, q.range, {"this subquery must select exactly one expression"});
    return nullptr;
  }
  auto source = resolver_(*q.from);
  if (!source) return nullptr;
  const SourceDef& table = catalog_.sources()[*source];
  if (table.kind != SourceKind::Table) {
    return unsupported(q.from->range, "a subquery over the stream '" + table.name +
                                          "' (a subquery reads a table: declare it with a key)");
  }
  auto sub = std::make_shared<Subquery>();
  sub->relation = static_cast<int>(scope_.size());
  sub->source = *source;
  sub->id = subqueries_++;
  scope_.push_back({*source, q.from->alias.empty() ? table.name : q.from->alias, false, true});
  inner_ = sub->relation;
  struct Restore {
    int& inner;
    ~Restore() { inner = -1; }
  } restore{inner_};

  const uint64_t inner_bit = uint64_t(1) << sub->relation;
  std::vector<ExprPtr> conjuncts;
  if (q.where) {
    ExprPtr where = require_boolean(bind(*q.where), "WHERE");
    if (!where) return nullptr;
    split_conjuncts(std::move(where), conjuncts);
  }
  bool correlated = false;
  for (const auto& c : conjuncts) correlated = correlated || (relations_used(*c) & ~inner_bit) != 0;
  std::vector<ExprPtr> originals;
  for (const auto& c : conjuncts) originals.push_back(clone(*c));
  KeyMatch match = match_key(std::move(conjuncts), table, sub->relation);
  if (match.missing < 0) {
    sub->keyed = true;
    sub->key = std::move(match.probes);
    sub->condition = and_all(std::move(match.residual));
  } else if (!correlated) {
    sub->condition = and_all(std::move(originals));
  } else {
    // Correlated on other columns: equalities between a table column and the
    // outer row index the table; conditions on the table alone choose the
    // rows indexed; the rest is checked on each row found.
    sub->indexed = true;
    std::vector<ExprPtr> table_only, residual;
    for (auto& c : originals) {
      uint64_t uses = relations_used(*c);
      if (c->op == ExprOp::Eq) {
        bool used = false;
        for (int side = 0; side < 2 && !used; ++side) {
          const Expr* col = c->args[side].get();
          if (col->op == ExprOp::Cast && col->args.size() == 1) col = col->args[0].get();
          const Expr& other = *c->args[1 - side];
          if (col->op != ExprOp::Column || col->source != sub->relation) continue;
          if (relations_used(other) & inner_bit) continue;
          if (col->type != other.type) continue;  // a conversion could round: keep it as a residual
          sub->index_columns.push_back(col->column);
          sub->index_probe.push_back(clone(other));
          used = true;
        }
        if (used) continue;
      }
      if ((uses & ~inner_bit) == 0) table_only.push_back(std::move(c));
      else residual.push_back(std::move(c));
    }
    sub->build_filter = and_all(std::move(table_only));
    sub->condition = and_all(std::move(residual));
  }
  if (!wants_value) return sub;
  const ast::ParsedExpr& item = *q.items[0].expr;
  std::optional<AggKind> kind;
  if (item.kind == ast::ExprKind::Function) kind = agg_kind_of(item.as<ast::FunctionExpr>().name);
  if (kind) {
    const auto& f = item.as<ast::FunctionExpr>();
    const std::string name = to_string(*kind);
    if (!scalar || sub->keyed) {
      return unsupported(f.range, "an aggregate here (it is supported in a scalar subquery not on the table's key)");
    }
    if (is_positional(*kind) || *kind == AggKind::StringAgg) {
      return unsupported(f.range, name + " in a subquery (a table's rows have no order)");
    }
    sub->aggregate = kind;
    sub->count_star = f.star;
    if (!f.star) {
      if (f.args.size() != 1 || f.distinct) return unsupported(f.range, "this form of " + name);
      sub->value = bind(*f.args[0]);
      if (!sub->value) return nullptr;
      bool numeric = *kind == AggKind::Sum || *kind == AggKind::Avg || is_spread(*kind);
      if (numeric && !sub->value->type.is_numeric()) {
        diags_.report(DiagId::type_mismatch, f.range, {name + " needs a number, not " + sub->value->type.to_string()});
        return nullptr;
      }
    } else if (*kind != AggKind::Count) {
      return unsupported(f.range, name + "(*)");
    }
    return sub;
  }
  if (scalar && !sub->keyed && !sub->indexed) {
    return unsupported(item.range, "a scalar subquery that may return many rows (use an aggregate such as MAX(...), "
                                   "or give the key of '" + table.name + "')");
  }
  sub->value = bind(item);
  if (!sub->value) return nullptr;
  return sub;
}

ExprPtr ExpressionBinder::bind_subquery(const ast::ParsedExpr& e) {
  using K = ast::ExprKind;
  if (e.kind == K::Exists) {
    auto sub = bind_subquery_body(*e.as<ast::ExistsExpr>().query, false, false);
    if (!sub) return nullptr;
    auto out = make_node(ExprOp::Exists, SqlType::boolean(), false, e.range);
    out->subquery = std::move(sub);
    return out;
  }
  if (e.kind == K::Subquery) {
    auto sub = bind_subquery_body(*e.as<ast::SubqueryExpr>().query, true, true);
    if (!sub) return nullptr;
    SqlType type = sub->value ? sub->value->type : SqlType::bigint();
    if (sub->aggregate) type = aggregate_type(*sub->aggregate, type);
    if (type.id == TypeId::Null) type = SqlType::varchar();
    auto out = make_node(ExprOp::ScalarSubquery, type, sub->aggregate != AggKind::Count, e.range);
    out->subquery = std::move(sub);
    return out;
  }
  // x [NOT] IN (SELECT ..) and x <op> ANY/ALL (SELECT ..): x and the selected value take a common type.
  const auto& predicate = static_cast<const ast::SubqueryPredicate&>(e);
  const bool negated = e.kind == K::InSubquery && e.as<ast::InSubqueryExpr>().negated;
  ExprPtr x = bind(*predicate.child);
  if (!x) return nullptr;
  auto sub = bind_subquery_body(*predicate.query, true, false);
  if (!sub) return nullptr;
  auto common = common_type(x->type, sub->value->type);
  if (!common) {
    diags_.report(DiagId::type_mismatch, e.range,
                  {"cannot compare " + x->type.to_string() + " with the subquery's " + sub->value->type.to_string()});
    return nullptr;
  }
  x = convert(std::move(x), *common);
  sub->value = convert(std::move(sub->value), *common);
  if (!x || !sub->value) return nullptr;
  ExprPtr out;
  if (e.kind == K::InSubquery) {
    out = make_node(ExprOp::InSubquery, SqlType::boolean(), true, e.range);
  } else {
    const auto& qe = e.as<ast::QuantifiedExpr>();
    out = make_node(ExprOp::Quantified, SqlType::boolean(), true, e.range);
    using B = ast::BinaryOp;
    out->compare = qe.op == B::Eq ? ExprOp::Eq : qe.op == B::Ne ? ExprOp::Ne : qe.op == B::Lt ? ExprOp::Lt
                 : qe.op == B::Le ? ExprOp::Le : qe.op == B::Gt ? ExprOp::Gt : ExprOp::Ge;
    out->all = qe.quantifier == ast::Quantifier::All;
  }
  out->args.push_back(std::move(x));
  out->subquery = std::move(sub);
  out->text = text_of(e.range);
  if (!negated) return out;
  auto inverted = make_node(ExprOp::Not, SqlType::boolean(), true, e.range);
  inverted->args.push_back(std::move(out));
  return inverted;
}

}  // namespace streamc
