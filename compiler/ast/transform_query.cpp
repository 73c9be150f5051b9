// SELECT: items, FROM with joins, WHERE / GROUP BY / HAVING, windows, ORDER
// BY, LIMIT, EMIT and the query-level WITH of a Velostream application.
#include "ast/transformer.h"
#include "util/strings.h"

namespace streamc::ast {

QueryPtr Transformer::transform_query(P::QueryContext& ctx) {
  auto q = std::make_unique<Query>();
  q->range = range(&ctx);
  if (ctx.setQuantifier()) q->distinct = ctx.setQuantifier()->DISTINCT() != nullptr;
  for (auto* item : ctx.selectItem()) q->items.push_back(transform_select_item(*item));
  if (auto* from = ctx.fromClause()) {
    // relation (joinClause | COMMA relation)*: the first relation is FROM's,
    // later bare relations are comma (cross) joins.
    bool first = true;
    for (auto* child : from->children) {
      if (auto* rel = dynamic_cast<P::RelationContext*>(child)) {
        if (first) {
          q->from = transform_relation(*rel);
          first = false;
        } else {
          Join join;
          join.type = JoinType::Comma;
          join.relation = transform_relation(*rel);
          join.range = range(rel);
          q->joins.push_back(std::move(join));
        }
      } else if (auto* join = dynamic_cast<P::JoinClauseContext*>(child)) {
        q->joins.push_back(transform_join(*join));
      }
    }
  }
  if (ctx.where) q->where = transform_expression(*ctx.where);
  if (ctx.GROUP()) {
    for (auto* e : ctx.expression()) {
      if (e != ctx.where && e != ctx.having && e != ctx.lateHaving) q->group_by.push_back(transform_expression(*e));
    }
  }
  if (ctx.having) q->having = transform_expression(*ctx.having);
  if (ctx.lateHaving) {
    if (ctx.having) {
      diags_.report(DiagId::syntax_error, range(ctx.lateHaving), {"a query has at most one HAVING clause"});
    } else {
      q->having = transform_expression(*ctx.lateHaving);
    }
  }
  auto windows = ctx.windowClause();
  if (!windows.empty()) q->window = transform_window(*windows.front());
  if (windows.size() > 1) {
    diags_.report(DiagId::syntax_error, range(windows[1]), {"a query has at most one WINDOW clause"});
  }
  for (auto* item : ctx.orderItem()) q->order_by.push_back(transform_order_item(*item));
  if (ctx.LIMIT()) {
    int64_t limit = 0;
    if (!to_int64(ctx.INTEGER_LITERAL()->getText(), limit)) {
      diags_.report(DiagId::bad_literal, range(ctx.INTEGER_LITERAL()), {"LIMIT is too large"});
    }
    q->limit = limit;
    q->limit_range = join(range(ctx.LIMIT()), range(ctx.INTEGER_LITERAL()));
  }
  if (auto* emit = ctx.emitClause()) {
    q->emit = emit->FINAL() ? EmitMode::Final : EmitMode::Changes;
    q->emit_range = range(emit);
  }
  if (ctx.withClause()) {
    q->with = transform_with(*ctx.withClause());
    q->with_range = range(ctx.withClause());
  }
  return q;
}

SelectItem Transformer::transform_select_item(P::SelectItemContext& ctx) {
  SelectItem item;
  item.range = range(&ctx);
  if (dynamic_cast<P::StarItemContext*>(&ctx)) {
    item.kind = SelectItemKind::Star;
  } else if (auto* q = dynamic_cast<P::QualifiedStarItemContext*>(&ctx)) {
    item.kind = SelectItemKind::QualifiedStar;
    item.qualifier = identifier(*q->identifier());
  } else {
    auto& e = dynamic_cast<P::ExpressionItemContext&>(ctx);
    item.kind = SelectItemKind::Expr;
    item.expr = transform_expression(*e.expression());
    if (e.identifier()) item.alias = identifier(*e.identifier());
    item.primary_key = e.PRIMARY() != nullptr;
  }
  return item;
}

Relation Transformer::transform_relation(P::RelationContext& ctx) {
  Relation rel;
  rel.range = range(&ctx);
  if (auto* named = dynamic_cast<P::NamedRelationContext*>(&ctx)) {
    rel.kind = RelationKind::Named;
    rel.name = identifier(*named->sourceName()->identifier());
    if (named->identifier()) rel.alias = identifier(*named->identifier());
  } else if (auto* uri = dynamic_cast<P::UriRelationContext*>(&ctx)) {
    rel.kind = RelationKind::Uri;
    rel.uri = uri->URI()->getText();
    if (uri->identifier()) rel.alias = identifier(*uri->identifier());
  } else if (auto* fn = dynamic_cast<P::TableFunctionRelationContext*>(&ctx)) {
    rel.kind = RelationKind::WindowFunction;
    auto* call = fn->windowFunctionCall();
    rel.name = to_lower(identifier(*call->identifier(0)));
    rel.window_table = identifier(*call->sourceName()->identifier());
    rel.window_time = identifier(*call->identifier(1));
    rel.window_time_range = range(call->identifier(1));
    for (auto* e : call->expression()) rel.window_args.push_back(transform_expression(*e));
    if (fn->identifier()) rel.alias = identifier(*fn->identifier());
  } else {
    auto& sub = dynamic_cast<P::SubqueryRelationContext&>(ctx);
    rel.kind = RelationKind::Subquery;
    rel.subquery = transform_query(*sub.query());
    rel.alias = identifier(*sub.identifier());
  }
  return rel;
}

Join Transformer::transform_join(P::JoinClauseContext& ctx) {
  Join join;
  join.range = range(&ctx);
  if (auto* type = ctx.joinType()) {
    if (type->LEFT()) join.type = JoinType::Left;
    else if (type->RIGHT()) join.type = JoinType::Right;
    else if (type->FULL()) join.type = JoinType::Full;
    else if (type->CROSS()) join.type = JoinType::Cross;
  }
  join.relation = transform_relation(*ctx.relation());
  if (ctx.expression()) join.on = transform_expression(*ctx.expression());
  if (!ctx.within().empty()) {
    auto* w = ctx.within().front();
    auto durations = w->duration();
    join.within = transform_duration(*durations.back());
    join.within->range = range(w);
  }
  return join;
}

WindowClause Transformer::transform_window(P::WindowClauseContext& ctx) {
  WindowClause window;
  window.range = range(&ctx);
  auto* kind = ctx.windowKind();
  if (kind->HOPPING()) window.kind = WindowKind::Hopping;
  else if (kind->SLIDING()) window.kind = WindowKind::Sliding;
  else if (kind->SESSION()) window.kind = WindowKind::Session;
  std::vector<Duration> plain;
  for (auto* arg : ctx.windowArgument()) {
    if (auto* a = dynamic_cast<P::SizeArgumentContext*>(arg)) window.size = transform_duration(*a->duration());
    else if (auto* a = dynamic_cast<P::AdvanceArgumentContext*>(arg)) window.advance = transform_duration(*a->duration());
    else if (auto* a = dynamic_cast<P::GraceArgumentContext*>(arg)) window.grace = transform_duration(*a->duration());
    else if (auto* a = dynamic_cast<P::RetentionArgumentContext*>(arg)) window.retention = transform_duration(*a->duration());
    else if (auto* a = dynamic_cast<P::PlainDurationArgumentContext*>(arg)) plain.push_back(transform_duration(*a->duration()));
    else if (auto* a = dynamic_cast<P::TimeColumnArgumentContext*>(arg)) window.time_column = a->columnReference()->getText();
    else if (auto* a = dynamic_cast<P::SecondsArgumentContext*>(arg)) plain.push_back(seconds(*a->INTEGER_LITERAL()));
  }
  // TUMBLING(1m), SLIDING(size, advance), SESSION(gap): positional durations.
  if (!plain.empty() && !window.size) window.size = plain[0];
  if (plain.size() > 1 && !window.advance) window.advance = plain[1];
  return window;
}

Duration Transformer::transform_duration(P::DurationContext& ctx) {
  Duration d;
  d.range = range(&ctx);
  if (auto* lit = ctx.DURATION_LITERAL()) {
    std::string text = lit->getText();
    size_t digits = text.find_first_not_of("0123456789");
    std::string unit = text.substr(digits);
    int64_t n = 0;
    to_int64(text.substr(0, digits), n);
    int64_t scale = unit == "ms"  ? 1
                    : unit == "s" ? 1000
                    : unit == "m" ? 60000
                    : unit == "h" ? 3600000
                    : unit == "d" ? 86400000
                                  : 7 * 86400000;
    d.ms = n * scale;
    return d;
  }
  std::string amount = ctx.STRING_LITERAL() ? unquote_string(ctx.STRING_LITERAL()->getText())
                                            : ctx.INTEGER_LITERAL()->getText();
  int64_t n = 0;
  if (!to_int64(amount, n)) {
    diags_.report(DiagId::bad_literal, d.range, {"'" + amount + "' is not a whole number of time units"});
  }
  d.ms = n * unit_ms(*ctx.timeUnit());
  return d;
}

// Velostream's TUMBLING(60): a bare number is seconds.
Duration Transformer::seconds(antlr4::tree::TerminalNode& number) {
  Duration d;
  d.range = range(&number);
  if (!to_int64(number.getText(), d.ms) || d.ms > INT64_MAX / 1000) {
    diags_.report(DiagId::bad_literal, d.range, {"the window size is too large"});
  }
  d.ms *= 1000;
  return d;
}

OrderItem Transformer::transform_order_item(P::OrderItemContext& ctx) {
  OrderItem item;
  item.expr = transform_expression(*ctx.expression());
  item.descending = ctx.DESC() != nullptr;
  item.range = range(&ctx);
  return item;
}

int64_t Transformer::unit_ms(P::TimeUnitContext& ctx) const {
  if (ctx.MILLISECOND() || ctx.MILLISECONDS()) return 1;
  if (ctx.SECOND() || ctx.SECONDS()) return 1000;
  if (ctx.MINUTE() || ctx.MINUTES()) return 60 * 1000;
  if (ctx.HOUR() || ctx.HOURS()) return 3600 * 1000;
  return 86400 * 1000;
}

}  // namespace streamc::ast
