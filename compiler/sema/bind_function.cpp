// The scalar function library: names, argument types and result types.
#include <algorithm>

#include "sema/expression_binder.h"
#include "util/strings.h"

namespace streamc {
namespace {

const std::vector<std::string> kFunctionNames = {
    "upper", "lower", "length", "char_length", "substring", "substr", "concat", "trim", "ltrim", "rtrim",
    "abs", "round", "floor", "ceil", "ceiling", "coalesce", "nullif", "mod"};

struct Call {
  const ast::FunctionExpr& f;
  std::vector<ExprPtr> args;
  Diagnostics& diags;

  bool arity(size_t min, size_t max, const char* described) {
    if (args.size() >= min && args.size() <= max) return true;
    diags.report(DiagId::wrong_argument_count, f.range,
                 {to_upper(f.name), described, std::to_string(args.size())});
    return false;
  }
  bool expect(size_t i, bool ok, const std::string& wanted) {
    if (ok) return true;
    diags.report(DiagId::type_mismatch, args[i]->range,
                 {"argument " + std::to_string(i + 1) + " of " + to_upper(f.name) + " must be " + wanted + ", but '" +
                  args[i]->text + "' is " + args[i]->type.to_string()});
    return false;
  }
  bool any_nullable() const {
    return std::any_of(args.begin(), args.end(), [](const ExprPtr& a) { return a->nullable; });
  }
  ExprPtr make(ExprOp op, SqlType type, bool nullable) {
    auto out = make_node(op, type, nullable, f.range);
    out->args = std::move(args);
    return out;
  }
  // NULL literals take the type the function expects.
  void type_nulls(SqlType t) {
    for (auto& a : args) if (a->type.id == TypeId::Null) a = make_cast(std::move(a), t);
  }
};

bool is_text(const ExprPtr& a) { return a->type.id == TypeId::Varchar; }
bool is_number(const ExprPtr& a) { return a->type.is_numeric(); }

}  // namespace

SqlType aggregate_type(AggKind kind, const SqlType& arg) {
  switch (kind) {
    case AggKind::Count:
    case AggKind::CountDistinct: return SqlType::bigint();
    case AggKind::StringAgg: return SqlType::varchar();
    case AggKind::Avg:
      // DECIMAL(p, s): scale max(s, 6), less when its whole digits would not leave room in 38.
      if (arg.id == TypeId::Decimal) {
        const int whole = arg.precision - arg.scale;
        return SqlType::decimal(38, std::max<int>(arg.scale, std::min(6, 38 - whole)));
      }
      return SqlType::float64();
    case AggKind::StddevSamp:
    case AggKind::StddevPop:
    case AggKind::VarSamp:
    case AggKind::VarPop: return SqlType::float64();
    case AggKind::Sum:
      return arg.id == TypeId::Decimal ? SqlType::decimal(38, arg.scale)
             : arg.is_integer()        ? SqlType::bigint()
                                       : SqlType::float64();
    case AggKind::Min:
    case AggKind::Max:
    case AggKind::First:
    case AggKind::Last: return arg;
  }
  return arg;
}

// COUNT, SUM, AVG, MIN, MAX over the records of a group.
ExprPtr ExpressionBinder::bind_aggregate(const ast::FunctionExpr& f, AggKind kind) {
  const std::string name = to_string(kind);
  if (!aggregates_ || in_aggregate_) {
    diags_.report(DiagId::type_mismatch, f.range,
                  {in_aggregate_ ? "an aggregate cannot be inside another aggregate"
                                 : name + " is an aggregate: it belongs in the select list or HAVING of a query that "
                                          "groups (GROUP BY), not here"});
    return nullptr;
  }
  if (f.distinct && kind != AggKind::Count) {
    diags_.report(DiagId::not_supported, f.range, {name + "(DISTINCT ...)"});
    return nullptr;
  }
  if (f.distinct) kind = AggKind::CountDistinct;  // COUNT(DISTINCT x): the distinct non-NULL values
  auto node = make_node(ExprOp::Aggregate, SqlType::bigint(), kind != AggKind::Count && kind != AggKind::CountDistinct,
                        f.range);
  node->agg = kind;
  // args: the value (COUNT(*): TRUE, never NULL, so every record counts), then the FILTER condition.
  ExprPtr arg;
  if (f.star) {
    if (kind != AggKind::Count) {
      diags_.report(DiagId::type_mismatch, f.range, {name + "(*) is not an aggregate; COUNT(*) counts the records"});
      return nullptr;
    }
    arg = make_node(ExprOp::Literal, SqlType::boolean(), false, f.range);
    arg->literal = true;
    arg->text = "*";
  } else if (kind == AggKind::StringAgg && (f.args.size() == 1 || f.args.size() == 2)) {
    // STRING_AGG(x, ', ') / LISTAGG(x [, sep]): the values joined by a literal separator (',' by default).
    std::string separator = ",";
    if (f.args.size() == 2) {
      const auto* lit = f.args[1]->kind == ast::ExprKind::Literal ? &f.args[1]->as<ast::LiteralExpr>() : nullptr;
      if (!lit || lit->literal != ast::LiteralKind::String) {
        diags_.report(DiagId::type_mismatch, f.args[1]->range, {name + "'s separator must be a string literal"});
        return nullptr;
      }
      separator = lit->value;
    }
    node->literal = separator;
    in_aggregate_ = true;
    arg = bind(*f.args[0]);
    in_aggregate_ = false;
    if (arg && arg->type.id != TypeId::Varchar && arg->type.id != TypeId::Null) {
      arg = make_cast(std::move(arg), SqlType::varchar());
    }
  } else if (f.args.size() != 1) {
    diags_.report(DiagId::wrong_argument_count, f.range, {name, "one argument", std::to_string(f.args.size())});
    return nullptr;
  } else {
    in_aggregate_ = true;
    arg = bind(*f.args[0]);
    in_aggregate_ = false;
  }
  if (!arg) return nullptr;
  ExprPtr filter;
  if (f.filter) {
    in_aggregate_ = true;
    filter = bind(*f.filter);
    in_aggregate_ = false;
    if (!filter) return nullptr;
    filter = require_boolean(std::move(filter), "FILTER (WHERE ...)");
    if (!filter) return nullptr;
  }
  if (arg->type.id == TypeId::Null) arg = make_cast(std::move(arg), SqlType::bigint());
  if ((kind == AggKind::Sum || kind == AggKind::Avg || is_spread(kind)) && !arg->type.is_numeric()) {
    diags_.report(DiagId::type_mismatch, f.range, {name + " needs a number, not " + arg->type.to_string()});
    return nullptr;
  }
  node->type = aggregate_type(kind, arg->type);
  node->args.push_back(std::move(arg));
  if (filter) node->args.push_back(std::move(filter));
  return node;
}

ExprPtr bind_function(ExpressionBinder& binder, const ast::FunctionExpr& f, Diagnostics& diags) {
  const std::string& name = f.name;
  if (auto kind = agg_kind_of(name)) return binder.bind_aggregate(f, *kind);
  if (ExprPtr bound = binder.window_bound(name, f.range, true)) return bound;
  if (f.filter) {
    diags.report(DiagId::type_mismatch, f.filter->range, {"FILTER (WHERE ...) belongs to an aggregate, not " +
                                                          to_upper(name)});
    return nullptr;
  }
  if (std::find(kFunctionNames.begin(), kFunctionNames.end(), name) == kFunctionNames.end()) {
    static const std::vector<std::string> aggregates = {"median"};
    if (std::find(aggregates.begin(), aggregates.end(), name) != aggregates.end()) {
      diags.report(DiagId::not_supported, f.range, {"the aggregate function '" + to_upper(name) + "'"});
      return nullptr;
    }
    std::string written = binder.file() ? std::string(binder.file()->slice(f.name_range)) : name;
    diags.report(DiagId::unknown_function, f.name_range, {written}).hint = suggest(name, kFunctionNames);
    return nullptr;
  }
  if (f.star || f.distinct) {
    diags.report(DiagId::type_mismatch, f.range, {to_upper(name) + " takes no '*' or DISTINCT"});
    return nullptr;
  }
  Call call{f, {}, diags};
  for (const auto& a : f.args) {
    ExprPtr b = binder.bind(*a);
    if (!b) return nullptr;
    call.args.push_back(std::move(b));
  }
  auto& args = call.args;

  if (name == "upper" || name == "lower") {
    if (!call.arity(1, 1, "one argument")) return nullptr;
    call.type_nulls(SqlType::varchar());
    if (!call.expect(0, is_text(args[0]), "VARCHAR")) return nullptr;
    return call.make(name == "upper" ? ExprOp::Upper : ExprOp::Lower, SqlType::varchar(), call.any_nullable());
  }
  if (name == "length" || name == "char_length") {
    if (!call.arity(1, 1, "one argument")) return nullptr;
    call.type_nulls(SqlType::varchar());
    if (!call.expect(0, is_text(args[0]), "VARCHAR")) return nullptr;
    return call.make(ExprOp::Length, SqlType::bigint(), call.any_nullable());
  }
  if (name == "substring" || name == "substr") {
    if (!call.arity(2, 3, "two or three arguments")) return nullptr;
    call.type_nulls(SqlType::varchar());
    if (!call.expect(0, is_text(args[0]), "VARCHAR")) return nullptr;
    for (size_t i = 1; i < args.size(); ++i) {
      if (!call.expect(i, args[i]->type.is_integer(), "an integer")) return nullptr;
      args[i] = make_cast(std::move(args[i]), SqlType::bigint());
    }
    return call.make(ExprOp::Substring, SqlType::varchar(), call.any_nullable());
  }
  if (name == "concat") {
    if (!call.arity(1, 64, "at least one argument")) return nullptr;
    for (size_t i = 0; i < args.size(); ++i) {
      if (!call.expect(i, castable(args[i]->type, SqlType::varchar()), "convertible to VARCHAR")) return nullptr;
      args[i] = make_cast(std::move(args[i]), SqlType::varchar());
    }
    // CONCAT skips NULL arguments (DuckDB, PostgreSQL), so it is never NULL.
    return call.make(ExprOp::ConcatFn, SqlType::varchar(), false);
  }
  if (name == "trim" || name == "ltrim" || name == "rtrim") {
    if (!call.arity(1, 2, "one or two arguments")) return nullptr;
    call.type_nulls(SqlType::varchar());
    for (size_t i = 0; i < args.size(); ++i) if (!call.expect(i, is_text(args[i]), "VARCHAR")) return nullptr;
    ExprOp op = name == "trim" ? ExprOp::Trim : name == "ltrim" ? ExprOp::LTrim : ExprOp::RTrim;
    return call.make(op, SqlType::varchar(), call.any_nullable());
  }
  if (name == "abs") {
    if (!call.arity(1, 1, "one argument")) return nullptr;
    call.type_nulls(SqlType::integer());
    if (!call.expect(0, is_number(args[0]), "numeric")) return nullptr;
    SqlType t = args[0]->type;
    return call.make(ExprOp::Abs, t, call.any_nullable());
  }
  if (name == "round") {
    if (!call.arity(1, 2, "one or two arguments")) return nullptr;
    call.type_nulls(SqlType::float64());
    if (!call.expect(0, is_number(args[0]), "numeric")) return nullptr;
    int64_t digits = 0;
    if (args.size() == 2) {
      const ExprPtr& d = args[1];
      if (!d->is_literal() || !d->type.is_integer()) {
        diags.report(DiagId::type_mismatch, d->range, {"the digits of ROUND must be an integer literal"});
        return nullptr;
      }
      digits = std::get<int64_t>(d->literal);
    }
    SqlType t = args[0]->type;
    if (t.id == TypeId::Decimal) {
      // ROUND(DECIMAL(p,s), n) is DECIMAL(p, min(s, n)): the dropped digits are gone.
      int scale = static_cast<int>(std::clamp<int64_t>(digits, 0, t.scale));
      t = SqlType::decimal(t.precision, scale);
    }
    return call.make(ExprOp::Round, t, call.any_nullable());
  }
  if (name == "floor" || name == "ceil" || name == "ceiling") {
    if (!call.arity(1, 1, "one argument")) return nullptr;
    call.type_nulls(SqlType::float64());
    if (!call.expect(0, is_number(args[0]), "numeric")) return nullptr;
    SqlType t = args[0]->type;
    if (t.id == TypeId::Decimal) t = SqlType::decimal(t.precision, 0);
    return call.make(name == "floor" ? ExprOp::Floor : ExprOp::Ceil, t, call.any_nullable());
  }
  if (name == "coalesce") {
    if (!call.arity(1, 64, "at least one argument")) return nullptr;
    SqlType type = SqlType::null();
    for (size_t i = 0; i < args.size(); ++i) {
      auto c = common_type(type, args[i]->type);
      if (!c) return call.expect(i, false, type.to_string()), nullptr;
      type = *c;
    }
    if (type.id == TypeId::Null) type = SqlType::varchar();
    bool nullable = true;
    for (auto& a : args) {
      nullable = nullable && a->nullable;
      a = binder.convert(std::move(a), type);
      if (!a) return nullptr;
    }
    return call.make(ExprOp::Coalesce, type, nullable);
  }
  if (name == "nullif") {
    if (!call.arity(2, 2, "two arguments")) return nullptr;
    auto c = common_type(args[0]->type, args[1]->type);
    if (!c) return call.expect(1, false, args[0]->type.to_string()), nullptr;
    SqlType type = c->id == TypeId::Null ? SqlType::varchar() : *c;
    for (auto& a : args) {
      a = binder.convert(std::move(a), type);
      if (!a) return nullptr;
    }
    return call.make(ExprOp::NullIf, type, true);
  }
  // mod(a, b) is a % b
  if (!call.arity(2, 2, "two arguments")) return nullptr;
  auto c = common_numeric_type(args[0]->type, args[1]->type);
  for (size_t i = 0; i < 2; ++i) if (!call.expect(i, c.has_value() && is_number(args[i]), "numeric")) return nullptr;
  SqlType type = c->id == TypeId::Null ? SqlType::integer() : *c;
  if (type.id == TypeId::Decimal) {
    SqlType a = as_decimal(args[0]->type), b = as_decimal(args[1]->type);
    int scale = std::max(a.scale, b.scale);
    type = SqlType::decimal(std::min(std::max(a.precision - a.scale, b.precision - b.scale) + scale, 38), scale);
  }
  for (auto& a : args) a = binder.convert(std::move(a), type);
  return call.make(ExprOp::Mod, type, true);
}

}  // namespace streamc
