// Binds parsed expressions: names to columns, types checked and made explicit, functions resolved.
#include "sema/expression_binder.h"

#include <algorithm>
#include <charconv>

#include "streamc/timestamp.h"
#include "util/strings.h"

namespace streamc {

ExprPtr make_node(ExprOp op, SqlType type, bool nullable, SourceRange range) {
  auto e = std::make_unique<Expr>();
  e->op = op;
  e->type = type;
  e->nullable = nullable;
  e->range = range;
  return e;
}

bool castable(SqlType from, SqlType to) {
  if (from == to || from.id == TypeId::Null) return true;
  if (to.id == TypeId::Varchar || from.id == TypeId::Varchar) return to.id != TypeId::Interval && from.id != TypeId::Interval;
  if (from.is_numeric() && to.is_numeric()) return true;
  if (from.id == TypeId::Boolean) return to.is_integer();
  if (to.id == TypeId::Boolean) return from.is_integer();
  if (from.id == TypeId::Timestamp) return to.id == TypeId::BigInt || to.id == TypeId::Date;
  if (to.id == TypeId::Timestamp) return from.id == TypeId::BigInt || from.id == TypeId::Date;
  return false;
}

namespace {

// Converts a numeric literal at compile time when the value fits the target
// exactly; false leaves the conversion to run time (where it reports).
bool fold_numeric_literal(Expr& e, SqlType to) {
  const SqlType from = e.type;
  if (!e.is_literal() || !from.is_numeric() || !to.is_numeric()) return false;
  if (std::holds_alternative<double>(e.literal)) return false;
  __int128 value = std::holds_alternative<int64_t>(e.literal) ? std::get<int64_t>(e.literal)
                                                               : std::get<__int128>(e.literal);
  int from_scale = from.id == TypeId::Decimal ? from.scale : 0;
  if (to.id == TypeId::Double) {
    double d = static_cast<double>(value);
    for (int i = 0; i < from_scale; ++i) d /= 10;
    e.literal = d;
  } else if (to.id == TypeId::Decimal) {
    if (to.scale < from_scale) return false;
    for (int i = from_scale; i < to.scale; ++i) value *= 10;
    __int128 limit = 1;
    for (int i = 0; i < to.precision; ++i) limit *= 10;
    if (value >= limit || value <= -limit) return false;
    if (to.precision <= 18) e.literal = static_cast<int64_t>(value);
    else e.literal = value;
  } else {
    if (from_scale != 0) return false;
    __int128 lo = to.id == TypeId::Int ? INT32_MIN : INT64_MIN, hi = to.id == TypeId::Int ? INT32_MAX : INT64_MAX;
    if (value < lo || value > hi) return false;
    e.literal = static_cast<int64_t>(value);
  }
  e.type = to;
  return true;
}

}  // namespace

ExprPtr make_cast(ExprPtr e, SqlType to, bool try_cast) {
  if (e->type == to) return e;
  if (e->is_null_literal()) {
    e->type = to;
    return e;
  }
  if (fold_numeric_literal(*e, to)) return e;
  // Text to anything else can fail at run time; TRY_CAST makes that NULL.
  auto cast = make_node(try_cast ? ExprOp::TryCast : ExprOp::Cast, to,
                        e->nullable || try_cast, e->range);
  cast->text = e->text;
  cast->args.push_back(std::move(e));
  return cast;
}

std::string ExpressionBinder::text_of(SourceRange r) const {
  if (!diags_.file()) return {};
  std::string s(diags_.file()->slice(r));
  // One line for messages: collapse whitespace runs.
  std::string out;
  for (char c : s) {
    bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (!out.empty() && out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

ExprPtr ExpressionBinder::bind(const ast::ParsedExpr& expr) {
  using K = ast::ExprKind;
  ExprPtr out;
  switch (expr.kind) {
    case K::Literal: out = bind_literal(expr.as<ast::LiteralExpr>()); break;
    case K::ColumnRef: out = bind_column(expr.as<ast::ColumnRefExpr>()); break;
    case K::Unary: out = bind_unary(expr.as<ast::UnaryExpr>()); break;
    case K::Binary: out = bind_binary(expr.as<ast::BinaryExpr>()); break;
    case K::IsNull: {
      const auto& e = expr.as<ast::IsNullExpr>();
      ExprPtr child = bind(*e.child);
      if (!child) return nullptr;
      out = make_node(e.negated ? ExprOp::IsNotNull : ExprOp::IsNull, SqlType::boolean(), false, e.range);
      out->args.push_back(std::move(child));
      break;
    }
    case K::IsTruth: {
      const auto& e = expr.as<ast::IsTruthExpr>();
      ExprPtr child = require_boolean(bind(*e.child), "the operand of IS TRUE / IS FALSE");
      if (!child) return nullptr;
      ExprOp op = e.value ? (e.negated ? ExprOp::IsNotTrue : ExprOp::IsTrue)
                           : (e.negated ? ExprOp::IsNotFalse : ExprOp::IsFalse);
      out = make_node(op, SqlType::boolean(), false, e.range);
      out->args.push_back(std::move(child));
      break;
    }
    case K::InList: out = bind_in_list(expr.as<ast::InListExpr>()); break;
    case K::Between: out = bind_between(expr.as<ast::BetweenExpr>()); break;
    case K::Like: out = bind_like(expr.as<ast::LikeExpr>()); break;
    case K::Case: out = bind_case(expr.as<ast::CaseExpr>()); break;
    case K::Cast: out = bind_cast(expr.as<ast::CastExpr>()); break;
    case K::Function: {
      const auto& f = expr.as<ast::FunctionExpr>();
      if (f.over) {
        out = bind_analytic(f);
        break;
      }
      out = bind_function(*this, f, diags_);
      break;
    }
    case K::InSubquery:
    case K::Quantified:
    case K::Exists:
    case K::Subquery: out = bind_subquery(expr); break;
  }
  if (out && out->text.empty()) out->text = text_of(expr.range);
  return out;
}

ExprPtr ExpressionBinder::bind_literal(const ast::LiteralExpr& lit) {
  using K = ast::LiteralKind;
  const std::string& v = lit.value;
  switch (lit.literal) {
    case K::Null: {
      auto e = make_node(ExprOp::Literal, SqlType::null(), true, lit.range);
      return e;
    }
    case K::Boolean: {
      auto e = make_node(ExprOp::Literal, SqlType::boolean(), false, lit.range);
      e->literal = v == "true";
      return e;
    }
    case K::String: {
      auto e = make_node(ExprOp::Literal, SqlType::varchar(), false, lit.range);
      e->literal = v;
      return e;
    }
    case K::Integer: {
      int64_t n = 0;
      if (to_int64(v, n)) {
        bool small = n >= INT32_MIN && n <= INT32_MAX;
        auto e = make_node(ExprOp::Literal, small ? SqlType::integer() : SqlType::bigint(), false, lit.range);
        e->literal = n;
        return e;
      }
      [[fallthrough]];  // too large for BIGINT: an exact DECIMAL
    }
    case K::Decimal: {
      std::string digits;
      int scale = 0;
      bool negative = !v.empty() && v[0] == '-';
      bool after_dot = false;
      for (char c : v) {
        if (c == '.') after_dot = true;
        else if (c >= '0' && c <= '9') {
          digits += c;
          if (after_dot) ++scale;
        }
      }
      digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - (digits.empty() ? 0 : 1)));
      int precision = std::max<int>(static_cast<int>(digits.size()), scale + 1);
      if (precision > kMaxDecimalPrecision) {
        diags_.report(DiagId::bad_literal, lit.range, {"the number " + v + " has more than 38 digits"});
        return nullptr;
      }
      __int128 value = 0;
      for (char c : digits) value = value * 10 + (c - '0');
      if (negative) value = -value;
      auto e = make_node(ExprOp::Literal, SqlType::decimal(precision, scale), false, lit.range);
      if (precision <= 18) e->literal = static_cast<int64_t>(value);
      else e->literal = value;
      return e;
    }
    case K::Float: {
      double d = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
      if (ec != std::errc() || end != v.data() + v.size()) {
        diags_.report(DiagId::bad_literal, lit.range, {"the number " + v + " is out of range for DOUBLE"});
        return nullptr;
      }
      auto e = make_node(ExprOp::Literal, SqlType::float64(), false, lit.range);
      e->literal = d;
      return e;
    }
    case K::Timestamp:
    case K::Date: {
      int64_t ms = 0;
      if (!parse_timestamp(v, ms)) {
        diags_.report(DiagId::bad_literal, lit.range,
                      {"'" + v + "' is not a valid " + std::string(lit.literal == K::Date ? "DATE" : "TIMESTAMP") +
                       "; write it as 'YYYY-MM-DD HH:MM:SS[.fff]'"});
        return nullptr;
      }
      if (lit.literal == K::Date) {
        auto e = make_node(ExprOp::Literal, SqlType::date(), false, lit.range);
        e->literal = static_cast<int64_t>(ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000));
        return e;
      }
      auto e = make_node(ExprOp::Literal, SqlType::timestamp(), false, lit.range);
      e->literal = ms;
      return e;
    }
    case K::Interval: {
      auto e = make_node(ExprOp::Literal, SqlType::interval(), false, lit.range);
      e->literal = lit.interval_ms;
      return e;
    }
  }
  return nullptr;
}

ExprPtr ExpressionBinder::bind_column(const ast::ColumnRefExpr& ref) {
  auto make = [&](const ScopeEntry& entry, int index) {
    const SourceDef& src = catalog_.sources()[entry.source];
    const Column& col = src.columns[index];
    auto e = make_node(ExprOp::Column, col.type, col.nullable || entry.outer, ref.range);
    e->source = static_cast<int>(&entry - scope_.data());  // the relation's position in the query
    e->column = index;
    e->column_name = col.name;
    return e;
  };
  // Inside a subquery its table's names come first; other subqueries' tables are out of sight.
  auto visible = [&](const ScopeEntry& entry) {
    int index = static_cast<int>(&entry - scope_.data());
    return index == inner_ || !entry.hidden;
  };
  std::vector<const ScopeEntry*> order;
  if (inner_ >= 0) order.push_back(&scope_[inner_]);
  for (const auto& entry : scope_) {
    if (visible(entry) && &entry != (inner_ >= 0 ? &scope_[inner_] : nullptr)) order.push_back(&entry);
  }
  if (!ref.qualifier.empty()) {
    for (const ScopeEntry* e : order) {
      const ScopeEntry& entry = *e;
      if (!iequals(entry.alias, ref.qualifier)) continue;
      const SourceDef& src = catalog_.sources()[entry.source];
      int index = src.index_of(ref.name);
      if (index < 0) {
        std::vector<std::string> names;
        for (const auto& c : src.columns) names.push_back(c.name);
        diags_.report(DiagId::unknown_column, ref.name_range, {ref.name, src.name}).hint = suggest(ref.name, names);
        return nullptr;
      }
      return make(entry, index);
    }
    std::vector<std::string> aliases;
    for (const ScopeEntry* entry : order) aliases.push_back(entry->alias);
    SourceRange qualifier_range{ref.range.begin, static_cast<uint32_t>(ref.range.begin + ref.qualifier.size())};
    diags_.report(DiagId::unknown_qualifier, qualifier_range, {ref.qualifier}).hint = suggest(ref.qualifier, aliases);
    return nullptr;
  }
  if (inner_ >= 0) {
    int index = catalog_.sources()[scope_[inner_].source].index_of(ref.name);
    if (index >= 0) return make(scope_[inner_], index);
  }
  const ScopeEntry* found = nullptr;
  int found_index = -1;
  for (const ScopeEntry* e : order) {
    const ScopeEntry& entry = *e;
    int index = catalog_.sources()[entry.source].index_of(ref.name);
    if (index < 0) continue;
    if (found) {
      diags_.report(DiagId::ambiguous_column, ref.range, {ref.name, found->alias, entry.alias}).hint =
          "qualify it, as in '" + found->alias + "." + ref.name + "'";
      return nullptr;
    }
    found = &entry;
    found_index = index;
  }
  if (found) return make(*found, found_index);
  if (ExprPtr bound = window_bound(ref.name, ref.range, false)) return bound;
  std::vector<std::string> names;
  for (const ScopeEntry* entry : order) {
    for (const auto& c : catalog_.sources()[entry->source].columns) names.push_back(c.name);
  }
  if (order.size() == 1) {
    diags_.report(DiagId::unknown_column, ref.range, {ref.name, catalog_.sources()[order[0]->source].name}).hint =
        suggest(ref.name, names);
  } else {
    diags_.report(DiagId::unknown_column_anywhere, ref.range, {ref.name}).hint = suggest(ref.name, names);
  }
  return nullptr;
}

ExprPtr ExpressionBinder::convert(ExprPtr expr, SqlType target) {
  if (!expr) return nullptr;
  if (expr->type == target) return expr;
  SqlType from = expr->type;
  // A string literal compared with a timestamp is a timestamp literal.
  if (from.id == TypeId::Varchar && expr->is_literal() && target.id == TypeId::Timestamp) {
    int64_t ms = 0;
    if (!parse_timestamp(std::get<std::string>(expr->literal), ms)) {
      diags_.report(DiagId::bad_literal, expr->range,
                    {"'" + std::get<std::string>(expr->literal) + "' is not a valid TIMESTAMP"});
      return nullptr;
    }
    expr->literal = ms;
    expr->type = target;
    return expr;
  }
  bool widening = from.id == TypeId::Null || (from.is_numeric() && target.is_numeric()) ||
                  (from.id == TypeId::Date && target.id == TypeId::Timestamp);
  if (!widening) {
    diags_.report(DiagId::type_mismatch, expr->range,
                  {"expected " + target.to_string() + ", but '" + expr->text + "' is " + from.to_string()});
    return nullptr;
  }
  return make_cast(std::move(expr), target);
}

ExprPtr ExpressionBinder::require_boolean(ExprPtr e, const char* what) {
  if (!e) return nullptr;
  if (e->type.id == TypeId::Null) return make_cast(std::move(e), SqlType::boolean());
  if (e->type.id != TypeId::Boolean) {
    diags_.report(DiagId::where_not_boolean, e->range, {what, e->type.to_string()});
    return nullptr;
  }
  return e;
}

ExprPtr ExpressionBinder::bind_unary(const ast::UnaryExpr& e) {
  ExprPtr child = bind(*e.child);
  if (!child) return nullptr;
  if (e.op == ast::UnaryOp::Not) {
    child = require_boolean(std::move(child), "the operand of NOT");
    if (!child) return nullptr;
    auto out = make_node(ExprOp::Not, SqlType::boolean(), child->nullable, e.range);
    out->args.push_back(std::move(child));
    return out;
  }
  if (!child->type.is_numeric() && child->type.id != TypeId::Interval) {
    diags_.report(DiagId::type_mismatch, e.range, {"cannot negate " + child->type.to_string()});
    return nullptr;
  }
  auto out = make_node(ExprOp::Negate, child->type, child->nullable, e.range);
  out->args.push_back(std::move(child));
  return out;
}

ExprPtr ExpressionBinder::bind_binary(const ast::BinaryExpr& e) {
  ExprPtr l = bind(*e.left);
  ExprPtr r = bind(*e.right);
  if (!l || !r) return nullptr;
  using B = ast::BinaryOp;
  switch (e.op) {
    case B::And: return bind_logical(ExprOp::And, e.range, std::move(l), std::move(r));
    case B::Or: return bind_logical(ExprOp::Or, e.range, std::move(l), std::move(r));
    case B::Eq: return bind_comparison(ExprOp::Eq, e.range, e.op_range, std::move(l), std::move(r));
    case B::Ne: return bind_comparison(ExprOp::Ne, e.range, e.op_range, std::move(l), std::move(r));
    case B::Lt: return bind_comparison(ExprOp::Lt, e.range, e.op_range, std::move(l), std::move(r));
    case B::Le: return bind_comparison(ExprOp::Le, e.range, e.op_range, std::move(l), std::move(r));
    case B::Gt: return bind_comparison(ExprOp::Gt, e.range, e.op_range, std::move(l), std::move(r));
    case B::Ge: return bind_comparison(ExprOp::Ge, e.range, e.op_range, std::move(l), std::move(r));
    case B::Concat: {
      for (ExprPtr* side : {&l, &r}) {
        if ((*side)->type.id != TypeId::Varchar) {
          if (!castable((*side)->type, SqlType::varchar())) {
            diags_.report(DiagId::type_mismatch, (*side)->range,
                          {"'||' joins strings, but '" + (*side)->text + "' is " + (*side)->type.to_string()});
            return nullptr;
          }
          *side = make_cast(std::move(*side), SqlType::varchar());
        }
      }
      auto out = make_node(ExprOp::Concat, SqlType::varchar(), l->nullable || r->nullable, e.range);
      out->args.push_back(std::move(l));
      out->args.push_back(std::move(r));
      return out;
    }
    default: return bind_arithmetic(e, std::move(l), std::move(r));
  }
}

ExprPtr ExpressionBinder::bind_logical(ExprOp op, SourceRange range, ExprPtr l, ExprPtr r) {
  const char* what = op == ExprOp::And ? "an operand of AND" : "an operand of OR";
  l = require_boolean(std::move(l), what);
  r = require_boolean(std::move(r), what);
  if (!l || !r) return nullptr;
  auto out = make_node(op, SqlType::boolean(), l->nullable || r->nullable, range);
  out->args.push_back(std::move(l));
  out->args.push_back(std::move(r));
  return out;
}

ExprPtr ExpressionBinder::bind_comparison(ExprOp op, SourceRange range, SourceRange op_range, ExprPtr l,
                                           ExprPtr r) {
  std::optional<SqlType> common = common_type(l->type, r->type);
  // A string literal beside a timestamp is read as a timestamp.
  if (!common && l->type.id == TypeId::Timestamp && r->is_literal() && r->type.id == TypeId::Varchar) common = l->type;
  if (!common && r->type.id == TypeId::Timestamp && l->is_literal() && l->type.id == TypeId::Varchar) common = r->type;
  if (!common) {
    diags_.report(DiagId::type_mismatch, op_range.valid() ? op_range : range,
                  {"cannot compare " + l->type.to_string() + " with " + r->type.to_string()})
        .hint = "'" + l->text + "' is " + l->type.to_string() + " and '" + r->text + "' is " + r->type.to_string();
    return nullptr;
  }
  if (common->id == TypeId::Null) common = SqlType::boolean();
  l = convert(std::move(l), *common);
  r = convert(std::move(r), *common);
  if (!l || !r) return nullptr;
  auto out = make_node(op, SqlType::boolean(), l->nullable || r->nullable, range);
  out->args.push_back(std::move(l));
  out->args.push_back(std::move(r));
  return out;
}

ExprPtr ExpressionBinder::bind_arithmetic(const ast::BinaryExpr& e, ExprPtr l, ExprPtr r) {
  using B = ast::BinaryOp;
  const char* op_text = ast::binary_op_text(e.op);
  ExprOp op = e.op == B::Add ? ExprOp::Add : e.op == B::Sub ? ExprOp::Sub : e.op == B::Mul ? ExprOp::Mul
             : e.op == B::Div ? ExprOp::Div : e.op == B::Mod ? ExprOp::Mod : ExprOp::Pow;
  bool nullable = l->nullable || r->nullable;
  auto finish = [&](SqlType type, bool result_nullable) {
    auto out = make_node(op, type, result_nullable, e.range);
    out->args.push_back(std::move(l));
    out->args.push_back(std::move(r));
    return out;
  };
  // TIMESTAMP +/- INTERVAL
  if ((op == ExprOp::Add || op == ExprOp::Sub) && l->type.id == TypeId::Timestamp && r->type.id == TypeId::Interval) {
    return finish(SqlType::timestamp(), nullable);
  }
  if (op == ExprOp::Add && l->type.id == TypeId::Interval && r->type.id == TypeId::Timestamp) {
    std::swap(l, r);
    return finish(SqlType::timestamp(), nullable);
  }
  std::optional<SqlType> common = common_numeric_type(l->type, r->type);
  if (!common) {
    diags_.report(DiagId::type_mismatch, e.op_range.valid() ? e.op_range : e.range,
                  {std::string("cannot apply '") + op_text + "' to " + l->type.to_string() + " and " +
                   r->type.to_string()})
        .hint = "'" + l->text + "' is " + l->type.to_string() + " and '" + r->text + "' is " + r->type.to_string();
    return nullptr;
  }
  if (common->id == TypeId::Null) common = SqlType::integer();
  if (op == ExprOp::Pow) {
    l = convert(std::move(l), SqlType::float64());
    r = convert(std::move(r), SqlType::float64());
    return finish(SqlType::float64(), nullable);
  }
  // Division and modulo by zero give NULL, as in DuckDB.
  bool may_be_null = nullable || op == ExprOp::Div || op == ExprOp::Mod;
  if (common->id != TypeId::Decimal) {
    l = convert(std::move(l), *common);
    r = convert(std::move(r), *common);
    if (!l || !r) return nullptr;
    return finish(*common, may_be_null);
  }
  SqlType a = as_decimal(l->type), b = as_decimal(r->type);
  if (l->type.id == TypeId::Null) a = b;
  if (r->type.id == TypeId::Null) b = a;
  SqlType result;
  switch (op) {
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mod: {
      int scale = std::max(a.scale, b.scale);
      int integral = std::max(a.precision - a.scale, b.precision - b.scale) + (op == ExprOp::Mod ? 0 : 1);
      result = SqlType::decimal(std::min(integral + scale, kMaxDecimalPrecision), scale);
      // Both operands take the result's type: same scale, same width.
      l = convert(std::move(l), result);
      r = convert(std::move(r), result);
      break;
    }
    case ExprOp::Mul: {
      if (a.scale + b.scale > kMaxDecimalPrecision) {
        diags_.report(DiagId::decimal_precision, e.range, {"the product's scale " + std::to_string(a.scale + b.scale) + " exceeds 38"});
        return nullptr;
      }
      result = SqlType::decimal(std::min(a.precision + b.precision, kMaxDecimalPrecision), a.scale + b.scale);
      // Operands keep their scale but take the result's width.
      int width = result.precision;
      l = convert(std::move(l), SqlType::decimal(std::max<int>(width, a.precision), a.scale));
      r = convert(std::move(r), SqlType::decimal(std::max<int>(width, b.precision), b.scale));
      break;
    }
    default: {  // Div: exact, half-up, to max(6, scales) digits
      int scale = std::max({6, static_cast<int>(a.scale), static_cast<int>(b.scale)});
      result = SqlType::decimal(kMaxDecimalPrecision, scale);
      l = convert(std::move(l), SqlType::decimal(kMaxDecimalPrecision, a.scale));
      r = convert(std::move(r), SqlType::decimal(kMaxDecimalPrecision, b.scale));
      break;
    }
  }
  if (!l || !r) return nullptr;
  return finish(result, may_be_null);
}

ExprPtr ExpressionBinder::bind_in_list(const ast::InListExpr& e) {
  ExprPtr child = bind(*e.child);
  if (!child) return nullptr;
  std::vector<ExprPtr> items;
  SqlType common = child->type;
  for (const auto& item : e.list) {
    ExprPtr b = bind(*item);
    if (!b) return nullptr;
    auto c = common_type(common, b->type);
    if (!c && common.id == TypeId::Timestamp && b->is_literal() && b->type.id == TypeId::Varchar) c = common;
    if (!c) {
      diags_.report(DiagId::type_mismatch, b->range,
                    {"IN list item '" + b->text + "' is " + b->type.to_string() + ", but '" + child->text + "' is " +
                     child->type.to_string()});
      return nullptr;
    }
    common = *c;
    items.push_back(std::move(b));
  }
  bool nullable = child->nullable;
  auto out = make_node(e.negated ? ExprOp::NotInList : ExprOp::InList, SqlType::boolean(), false, e.range);
  out->args.push_back(convert(std::move(child), common));
  for (auto& item : items) {
    nullable = nullable || item->nullable;
    out->args.push_back(convert(std::move(item), common));
  }
  for (const auto& a : out->args) if (!a) return nullptr;
  out->nullable = nullable;
  return out;
}

ExprPtr ExpressionBinder::bind_between(const ast::BetweenExpr& e) {
  ExprPtr child = bind(*e.child), low = bind(*e.low), high = bind(*e.high);
  if (!child || !low || !high) return nullptr;
  auto c = common_type(child->type, low->type);
  if (c) c = common_type(*c, high->type);
  if (!c && child->type.id == TypeId::Timestamp) c = child->type;
  if (!c) {
    diags_.report(DiagId::type_mismatch, e.range,
                  {"BETWEEN needs comparable types, but is given " + child->type.to_string() + ", " +
                   low->type.to_string() + " and " + high->type.to_string()});
    return nullptr;
  }
  auto out = make_node(e.negated ? ExprOp::NotBetween : ExprOp::Between, SqlType::boolean(),
                       child->nullable || low->nullable || high->nullable, e.range);
  out->args.push_back(convert(std::move(child), *c));
  out->args.push_back(convert(std::move(low), *c));
  out->args.push_back(convert(std::move(high), *c));
  for (const auto& a : out->args) if (!a) return nullptr;
  return out;
}

ExprPtr ExpressionBinder::bind_like(const ast::LikeExpr& e) {
  ExprPtr child = bind(*e.child), pattern = bind(*e.pattern);
  if (!child || !pattern) return nullptr;
  for (auto* side : {&child, &pattern}) {
    if ((*side)->type.id != TypeId::Varchar && (*side)->type.id != TypeId::Null) {
      diags_.report(DiagId::type_mismatch, (*side)->range,
                    {"LIKE compares strings, but '" + (*side)->text + "' is " + (*side)->type.to_string()});
      return nullptr;
    }
    *side = make_cast(std::move(*side), SqlType::varchar());
  }
  auto out = make_node(e.negated ? ExprOp::NotLike : ExprOp::Like, SqlType::boolean(),
                       child->nullable || pattern->nullable, e.range);
  out->args.push_back(std::move(child));
  out->args.push_back(std::move(pattern));
  if (e.escape) {
    ExprPtr escape = bind(*e.escape);
    if (!escape) return nullptr;
    if (!escape->is_literal() || escape->type.id != TypeId::Varchar ||
        std::get<std::string>(escape->literal).size() != 1) {
      diags_.report(DiagId::type_mismatch, escape->range, {"ESCAPE takes a string literal of one character"});
      return nullptr;
    }
    out->args.push_back(std::move(escape));
  }
  return out;
}

ExprPtr ExpressionBinder::bind_case(const ast::CaseExpr& e) {
  ExprPtr operand;
  if (e.operand) {
    operand = bind(*e.operand);
    if (!operand) return nullptr;
  }
  std::vector<ExprPtr> conditions, results;
  for (const auto& [when, then] : e.whens) {
    ExprPtr c = bind(*when);
    if (!c) return nullptr;
    if (operand) {
      // CASE x WHEN v THEN ..: the condition is x = v.
      SourceRange range = c->range;  // read before c is moved into the call
      c = bind_comparison(ExprOp::Eq, range, {}, clone(*operand), std::move(c));
    } else {
      c = require_boolean(std::move(c), "a WHEN condition");
    }
    ExprPtr r = bind(*then);
    if (!c || !r) return nullptr;
    conditions.push_back(std::move(c));
    results.push_back(std::move(r));
  }
  ExprPtr otherwise;
  if (e.otherwise) {
    otherwise = bind(*e.otherwise);
    if (!otherwise) return nullptr;
  }
  SqlType type = SqlType::null();
  auto unify = [&](const ExprPtr& r) {
    auto c = common_type(type, r->type);
    if (!c) {
      diags_.report(DiagId::type_mismatch, r->range,
                    {"CASE branches must have one type, but '" + r->text + "' is " + r->type.to_string() +
                     " where an earlier branch is " + type.to_string()});
      return false;
    }
    type = *c;
    return true;
  };
  for (const auto& r : results) if (!unify(r)) return nullptr;
  if (otherwise && !unify(otherwise)) return nullptr;
  if (type.id == TypeId::Null) type = SqlType::varchar();
  bool nullable = !otherwise || otherwise->nullable;
  auto out = make_node(ExprOp::Case, type, false, e.range);
  for (size_t i = 0; i < conditions.size(); ++i) {
    nullable = nullable || results[i]->nullable;
    out->args.push_back(std::move(conditions[i]));
    out->args.push_back(convert(std::move(results[i]), type));
  }
  if (otherwise) {
    out->has_else = true;
    out->args.push_back(convert(std::move(otherwise), type));
  }
  for (const auto& a : out->args) if (!a) return nullptr;
  out->nullable = nullable;
  return out;
}

ExprPtr ExpressionBinder::bind_cast(const ast::CastExpr& e) {
  ExprPtr child = bind(*e.child);
  if (!child) return nullptr;
  std::string error;
  auto target = type_from_name(e.type.name, e.type.params, error);
  if (!target) {
    diags_.report(DiagId::unknown_type, e.type.range, {e.type.name});
    return nullptr;
  }
  if (!error.empty()) {
    diags_.report(DiagId::decimal_precision, e.type.range, {error});
    return nullptr;
  }
  if (!castable(child->type, *target)) {
    diags_.report(DiagId::bad_cast, e.range, {child->type.to_string(), target->to_string()});
    return nullptr;
  }
  if (child->type == *target) return child;
  if (fold_numeric_literal(*child, *target)) return child;
  auto out = make_node(e.try_cast ? ExprOp::TryCast : ExprOp::Cast, *target, child->nullable || e.try_cast, e.range);
  out->args.push_back(std::move(child));
  return out;
}

}  // namespace streamc
