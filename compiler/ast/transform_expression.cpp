// Expressions, one function per precedence level of the grammar. Binary
// operator lists fold to the left.
#include "ast/transformer.h"
#include "util/strings.h"

namespace streamc::ast {
namespace {

BinaryOp comparison_op(P::ComparisonOperatorContext& ctx) {
  if (ctx.EQ() || ctx.DOUBLE_EQ()) return BinaryOp::Eq;
  if (ctx.NEQ()) return BinaryOp::Ne;
  if (ctx.LT()) return BinaryOp::Lt;
  if (ctx.LTE()) return BinaryOp::Le;
  if (ctx.GT()) return BinaryOp::Gt;
  return BinaryOp::Ge;
}

BinaryOp operator_token(size_t type) {
  using L = P;
  switch (type) {
    case L::PLUS: return BinaryOp::Add;
    case L::MINUS: return BinaryOp::Sub;
    case L::STAR: return BinaryOp::Mul;
    case L::SLASH: return BinaryOp::Div;
    case L::PERCENT: return BinaryOp::Mod;
    case L::CARET: return BinaryOp::Pow;
    case L::CONCAT_OP: return BinaryOp::Concat;
    case L::AND: return BinaryOp::And;
    default: return BinaryOp::Or;
  }
}

}  // namespace

const char* binary_op_text(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "^";
    case BinaryOp::Concat: return "||";
    case BinaryOp::Eq: return "=";
    case BinaryOp::Ne: return "<>";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::And: return "AND";
    case BinaryOp::Or: return "OR";
  }
  return "?";
}

// Folds `operand (op operand)*` children into a left-deep tree of BinaryExpr.
template <class Operand, class Fn>
ExprPtr fold_left(Transformer& t, antlr4::ParserRuleContext& ctx, Fn&& transform_operand) {
  ExprPtr result;
  BinaryOp pending = BinaryOp::Add;
  SourceRange op_range;
  for (auto* child : ctx.children) {
    if (auto* operand = dynamic_cast<Operand*>(child)) {
      ExprPtr next = transform_operand(*operand);
      if (!result) {
        result = std::move(next);
      } else {
        SourceRange r = join(result->range, next->range);
        auto bin = std::make_unique<BinaryExpr>(r, pending, std::move(result), std::move(next));
        bin->op_range = op_range;
        result = std::move(bin);
      }
    } else if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      pending = operator_token(terminal->getSymbol()->getType());
      op_range = t.range(terminal);
    }
  }
  return result;
}

ExprPtr Transformer::transform_expression(P::ExpressionContext& ctx) {
  return transform_or(*ctx.orExpression());
}

ExprPtr Transformer::transform_or(P::OrExpressionContext& ctx) {
  return fold_left<P::AndExpressionContext>(*this, ctx, [&](auto& c) { return transform_and(c); });
}

ExprPtr Transformer::transform_and(P::AndExpressionContext& ctx) {
  return fold_left<P::NotExpressionContext>(*this, ctx, [&](auto& c) { return transform_not(c); });
}

ExprPtr Transformer::transform_not(P::NotExpressionContext& ctx) {
  if (auto* n = dynamic_cast<P::LogicalNotContext*>(&ctx)) {
    return std::make_unique<UnaryExpr>(range(&ctx), UnaryOp::Not, transform_not(*n->notExpression()));
  }
  return transform_predicate(*dynamic_cast<P::PredicateExpressionContext&>(ctx).predicate());
}

ExprPtr Transformer::transform_predicate(P::PredicateContext& ctx) {
  SourceRange r = range(&ctx);
  if (auto* c = dynamic_cast<P::ComparisonPredicateContext*>(&ctx)) {
    auto bin = std::make_unique<BinaryExpr>(r, comparison_op(*c->comparisonOperator()),
                                            transform_value(*c->valueExpression(0)),
                                            transform_value(*c->valueExpression(1)));
    bin->op_range = range(c->comparisonOperator());
    return bin;
  }
  if (auto* c = dynamic_cast<P::QuantifiedPredicateContext*>(&ctx)) {
    auto q = std::make_unique<QuantifiedExpr>(r, comparison_op(*c->comparisonOperator()),
                                              c->quantifier()->ALL() ? Quantifier::All : Quantifier::Any);
    q->child = transform_value(*c->valueExpression());
    q->query = transform_query(*c->query());
    return q;
  }
  if (auto* c = dynamic_cast<P::NullPredicateContext*>(&ctx)) {
    return std::make_unique<IsNullExpr>(r, c->NOT() != nullptr, transform_value(*c->valueExpression()));
  }
  if (auto* c = dynamic_cast<P::TruthPredicateContext*>(&ctx)) {
    return std::make_unique<IsTruthExpr>(r, c->NOT() != nullptr, c->TRUE() != nullptr,
                                         transform_value(*c->valueExpression()));
  }
  if (auto* c = dynamic_cast<P::InSubqueryPredicateContext*>(&ctx)) {
    auto in = std::make_unique<InSubqueryExpr>(r, c->NOT() != nullptr);
    in->child = transform_value(*c->valueExpression());
    in->query = transform_query(*c->query());
    return in;
  }
  if (auto* c = dynamic_cast<P::InListPredicateContext*>(&ctx)) {
    auto in = std::make_unique<InListExpr>(r, c->NOT() != nullptr);
    in->child = transform_value(*c->valueExpression());
    for (auto* e : c->expression()) in->list.push_back(transform_expression(*e));
    return in;
  }
  if (auto* c = dynamic_cast<P::BetweenPredicateContext*>(&ctx)) {
    auto between = std::make_unique<BetweenExpr>(r, c->NOT() != nullptr);
    between->child = transform_value(*c->valueExpression(0));
    between->low = transform_value(*c->low);
    between->high = transform_value(*c->high);
    return between;
  }
  if (auto* c = dynamic_cast<P::LikePredicateContext*>(&ctx)) {
    auto like = std::make_unique<LikeExpr>(r, c->NOT() != nullptr);
    like->child = transform_value(*c->valueExpression(0));
    like->pattern = transform_value(*c->pattern);
    if (c->escape) like->escape = transform_value(*c->escape);
    return like;
  }
  return transform_value(*dynamic_cast<P::PlainValueContext&>(ctx).valueExpression());
}

ExprPtr Transformer::transform_value(P::ValueExpressionContext& ctx) {
  return fold_left<P::AdditiveExpressionContext>(*this, ctx, [&](auto& c) { return transform_additive(c); });
}

ExprPtr Transformer::transform_additive(P::AdditiveExpressionContext& ctx) {
  return fold_left<P::MultiplicativeExpressionContext>(*this, ctx, [&](auto& c) { return transform_multiplicative(c); });
}

ExprPtr Transformer::transform_multiplicative(P::MultiplicativeExpressionContext& ctx) {
  return fold_left<P::PowerExpressionContext>(*this, ctx, [&](auto& c) { return transform_power(c); });
}

ExprPtr Transformer::transform_power(P::PowerExpressionContext& ctx) {
  return fold_left<P::UnaryExpressionContext>(*this, ctx, [&](auto& c) { return transform_unary(c); });
}

ExprPtr Transformer::transform_unary(P::UnaryExpressionContext& ctx) {
  if (auto* s = dynamic_cast<P::SignedExpressionContext*>(&ctx)) {
    ExprPtr child = transform_unary(*s->unaryExpression());
    if (s->PLUS()) return child;
    // Fold a minus sign into a numeric literal so that -9223372036854775808 is one value.
    if (child->kind == ExprKind::Literal) {
      auto& lit = child->as<LiteralExpr>();
      if (lit.literal == LiteralKind::Integer || lit.literal == LiteralKind::Decimal ||
          lit.literal == LiteralKind::Float) {
        lit.value = lit.value[0] == '-' ? lit.value.substr(1) : "-" + lit.value;
        lit.range = range(&ctx);
        return child;
      }
    }
    return std::make_unique<UnaryExpr>(range(&ctx), UnaryOp::Negate, std::move(child));
  }
  return transform_primary(*dynamic_cast<P::PrimaryContext&>(ctx).primaryExpression());
}

ExprPtr Transformer::transform_primary(P::PrimaryExpressionContext& ctx) {
  SourceRange r = range(&ctx);
  if (auto* c = dynamic_cast<P::LiteralExpressionContext*>(&ctx)) return transform_literal(*c->literal());
  if (auto* c = dynamic_cast<P::TimestampLiteralContext*>(&ctx)) {
    return std::make_unique<LiteralExpr>(r, LiteralKind::Timestamp, unquote_string(c->STRING_LITERAL()->getText()));
  }
  if (auto* c = dynamic_cast<P::DateLiteralContext*>(&ctx)) {
    return std::make_unique<LiteralExpr>(r, LiteralKind::Date, unquote_string(c->STRING_LITERAL()->getText()));
  }
  if (auto* c = dynamic_cast<P::IntervalLiteralContext*>(&ctx)) {
    std::string amount = c->STRING_LITERAL() ? unquote_string(c->STRING_LITERAL()->getText())
                                             : c->INTEGER_LITERAL()->getText();
    auto lit = std::make_unique<LiteralExpr>(r, LiteralKind::Interval, amount);
    int64_t n = 0;
    if (!to_int64(amount, n)) {
      diags_.report(DiagId::bad_literal, r, {"'" + amount + "' is not a whole number of time units"});
    }
    lit->interval_ms = n * unit_ms(*c->timeUnit());
    return lit;
  }
  if (auto* c = dynamic_cast<P::CaseExpressionContext*>(&ctx)) {
    auto out = std::make_unique<CaseExpr>(r);
    if (c->operand) out->operand = transform_expression(*c->operand);
    for (auto* w : c->whenClause()) {
      out->whens.emplace_back(transform_expression(*w->condition), transform_expression(*w->result));
    }
    if (c->otherwise) out->otherwise = transform_expression(*c->otherwise);
    return out;
  }
  if (auto* c = dynamic_cast<P::CastExpressionContext*>(&ctx)) {
    auto out = std::make_unique<CastExpr>(r, c->TRY_CAST() != nullptr);
    out->child = transform_expression(*c->expression());
    out->type = transform_type(*c->dataType());
    return out;
  }
  if (auto* c = dynamic_cast<P::ExistsExpressionContext*>(&ctx)) {
    auto out = std::make_unique<ExistsExpr>(r);
    out->query = transform_query(*c->query());
    return out;
  }
  if (auto* c = dynamic_cast<P::ScalarSubqueryContext*>(&ctx)) {
    auto out = std::make_unique<SubqueryExpr>(r);
    out->query = transform_query(*c->query());
    return out;
  }
  if (auto* c = dynamic_cast<P::ParenthesizedContext*>(&ctx)) return transform_expression(*c->expression());
  if (auto* c = dynamic_cast<P::SubstringFromExpressionContext*>(&ctx)) {
    auto out = std::make_unique<FunctionExpr>(r, "substring");
    out->name_range = range(c->SUBSTRING());
    for (auto* e : c->expression()) out->args.push_back(transform_expression(*e));
    return out;
  }
  if (auto* c = dynamic_cast<P::TrimFromExpressionContext*>(&ctx)) {
    std::string name = "trim";
    if (c->trimSide() && c->trimSide()->LEADING()) name = "ltrim";
    if (c->trimSide() && c->trimSide()->TRAILING()) name = "rtrim";
    auto out = std::make_unique<FunctionExpr>(r, name);
    out->name_range = range(c->TRIM());
    auto exprs = c->expression();
    out->args.push_back(transform_expression(*exprs.back()));
    if (c->trimChars) out->args.push_back(transform_expression(*c->trimChars));
    return out;
  }
  if (auto* c = dynamic_cast<P::ExtractExpressionContext*>(&ctx)) {
    auto out = std::make_unique<FunctionExpr>(r, "extract");
    out->name_range = range(c->EXTRACT());
    out->args.push_back(std::make_unique<LiteralExpr>(range(c->identifier()), LiteralKind::String,
                                                      to_lower(identifier(*c->identifier()))));
    out->args.push_back(transform_expression(*c->expression()));
    return out;
  }
  if (auto* c = dynamic_cast<P::PositionExpressionContext*>(&ctx)) {
    auto out = std::make_unique<FunctionExpr>(r, "position");
    out->name_range = range(c->POSITION());
    out->args.push_back(transform_value(*c->valueExpression(0)));
    out->args.push_back(transform_value(*c->valueExpression(1)));
    return out;
  }
  if (auto* c = dynamic_cast<P::FunctionCallContext*>(&ctx)) return transform_function(*c);
  auto& col = *dynamic_cast<P::ColumnExpressionContext&>(ctx).columnReference();
  auto ids = col.identifier();
  std::string qualifier = ids.size() == 2 ? identifier(*ids[0]) : std::string();
  auto out = std::make_unique<ColumnRefExpr>(r, qualifier, identifier(*ids.back()));
  out->name_range = range(ids.back());
  return out;
}

ExprPtr Transformer::transform_literal(P::LiteralContext& ctx) {
  SourceRange r = range(&ctx);
  if (ctx.INTEGER_LITERAL()) return std::make_unique<LiteralExpr>(r, LiteralKind::Integer, ctx.getText());
  if (ctx.DECIMAL_LITERAL()) return std::make_unique<LiteralExpr>(r, LiteralKind::Decimal, ctx.getText());
  if (ctx.FLOAT_LITERAL()) return std::make_unique<LiteralExpr>(r, LiteralKind::Float, ctx.getText());
  if (ctx.STRING_LITERAL()) return std::make_unique<LiteralExpr>(r, LiteralKind::String, unquote_string(ctx.getText()));
  if (ctx.TRUE()) return std::make_unique<LiteralExpr>(r, LiteralKind::Boolean, "true");
  if (ctx.FALSE()) return std::make_unique<LiteralExpr>(r, LiteralKind::Boolean, "false");
  return std::make_unique<LiteralExpr>(r, LiteralKind::Null, "");
}

ExprPtr Transformer::transform_function(P::FunctionCallContext& ctx) {
  auto out = std::make_unique<FunctionExpr>(range(&ctx), to_lower(ctx.functionName()->getText()));
  if (auto* id = ctx.functionName()->identifier()) out->name = to_lower(identifier(*id));
  out->name_range = range(ctx.functionName());
  out->star = ctx.STAR() != nullptr;
  out->distinct = ctx.setQuantifier() && ctx.setQuantifier()->DISTINCT();
  for (auto* e : ctx.expression()) out->args.push_back(transform_expression(*e));
  if (ctx.filterClause()) out->filter = transform_expression(*ctx.filterClause()->expression());
  if (ctx.overClause()) out->over = transform_over(*ctx.overClause());
  return out;
}

std::unique_ptr<WindowSpec> Transformer::transform_over(P::OverClauseContext& ctx) {
  auto spec = std::make_unique<WindowSpec>();
  spec->range = range(&ctx);
  if (ctx.BUFFER()) to_int64(ctx.INTEGER_LITERAL()->getText(), spec->buffer_rows);
  for (auto* e : ctx.expression()) spec->partition_by.push_back(transform_expression(*e));
  for (auto* o : ctx.orderItem()) spec->order_by.push_back(transform_order_item(*o));
  if (auto* expire = ctx.expireClause()) {
    spec->expire_range = range(expire);
    if (expire->duration()) spec->expire_ms = transform_duration(*expire->duration()).ms;
  }
  if (auto* emit = ctx.overEmit()) spec->emit_on_buffer_full = emit->FULL() != nullptr;
  if (auto* frame = ctx.frameClause()) {
    spec->has_frame = true;
    spec->frame_range = range(frame);
    auto bounds = frame->frameBound();
    // The first bound starts the frame; a second (BETWEEN ... AND) must be the current row.
    P::FrameBoundContext* start = bounds[0];
    if (bounds.size() == 2 && !bounds[1]->CURRENT()) {
      spec->frame_unsupported = "a frame that ends after the current row";
    } else if (start->UNBOUNDED() && start->PRECEDING()) {
      spec->frame_preceding = -1;
    } else if (start->CURRENT()) {
      spec->frame_preceding = 0;
    } else if (start->INTEGER_LITERAL() && start->PRECEDING() && frame->ROWS()) {
      if (!to_int64(start->INTEGER_LITERAL()->getText(), spec->frame_preceding) ||
          spec->frame_preceding > 1000000) {
        spec->frame_unsupported = "a frame of more than 1000000 rows";
      }
    } else if (start->FOLLOWING()) {
      spec->frame_unsupported = "a frame that starts after the current row";
    } else {
      spec->frame_unsupported = "a RANGE frame of a length (the rows of a time span)";
    }
  }
  return spec;
}

// ---------------------------------------------------------------- helpers

SourceRange Transformer::range(antlr4::ParserRuleContext* ctx) const {
  antlr4::Token* start = ctx->getStart();
  antlr4::Token* stop = ctx->getStop();
  if (!stop || stop->getStopIndex() < start->getStartIndex()) stop = start;
  SourceRange r = range(start);
  r.end = range(stop).end;
  return r;
}

SourceRange Transformer::range(antlr4::Token* token) const {
  size_t begin = token->getStartIndex();
  size_t end = token->getStopIndex() + 1;
  if (begin >= offsets_.size()) begin = offsets_.size() - 1;
  if (end >= offsets_.size() || end < begin) end = begin;
  return {offsets_[begin], offsets_[end]};
}

std::string Transformer::identifier(P::IdentifierContext& ctx) {
  std::string text = ctx.getText();
  if (ctx.QUOTED_IDENTIFIER() || ctx.BACKTICK_IDENTIFIER()) return unquote_string(text);
  return text;
}

// Strips the surrounding quote character and undoubles it inside.
std::string Transformer::unquote_string(const std::string& text) {
  if (text.size() < 2) return text;
  char quote = text.front();
  std::string out;
  out.reserve(text.size() - 2);
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    out += text[i];
    if (text[i] == quote && text[i + 1] == quote) ++i;
  }
  return out;
}

}  // namespace streamc::ast
