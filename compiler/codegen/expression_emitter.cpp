// Expressions to C++: leaves, logic, comparisons, predicates and conditionals; values computed once
// are shared.
#include "codegen/expression_emitter.h"

#include <algorithm>
#include <stdexcept>
#include <variant>

#include "codegen/cpp_literals.h"
#include "ir/expr_fields.h"
#include "plan/plan.h"

namespace streamc {

std::string null_of(const std::vector<Value>& args) {
  std::string out;
  for (const Value& a : args) {
    if (!a.nullable()) continue;
    if (!out.empty()) out += " || ";
    out += a.null;
  }
  return out;
}

std::string default_value(const SqlType& t) {
  switch (t.id) {
    case TypeId::Boolean:
    case TypeId::Null: return "false";
    case TypeId::Varchar: return "std::string_view()";
    case TypeId::Double: return "0.0";
    default: return t.cpp_type() + "(0)";
  }
}

std::string row_null_constant(const std::string& field) { return "k" + camel_case(field) + "Null"; }

int null_words(const RowLayout& row) { return std::max<int>(1, (static_cast<int>(row.fields.size()) + 63) / 64); }

std::string null_word(const RowLayout& row, int slot) {
  return null_words(row) == 1 ? "nulls" : "nulls[" + std::to_string(slot / 64) + "]";
}

std::string ExprEmitter::fresh(const char* prefix) { return prefix + std::to_string(counter_++); }

std::vector<Value> ExprEmitter::emit_args(const Expr& e) {
  std::vector<Value> out;
  for (const auto& a : e.args) out.push_back(emit(*a));
  return out;
}

Value ExprEmitter::pure(const Expr& e, const std::string& code, const std::vector<Value>& args) {
  std::string v = fresh();
  w_.line("const {} {} = {};", {e.type.cpp_type(), v, code});
  std::string nulls = null_of(args);
  if (nulls.empty()) return {v, ""};
  std::string n = "n" + v.substr(1);
  w_.line("const bool {} = {};", {n, nulls});
  return {v, n};
}

Value ExprEmitter::null_when(const Expr& e, const std::vector<Value>& args, const std::string& code,
                             const std::string& condition) {
  std::string v = fresh();
  std::string n = "n" + v.substr(1);
  std::string nulls = null_of(args);
  w_.line("const bool {} = {}{};", {n, nulls.empty() ? "" : nulls + " || ", condition});
  w_.line("const {} {} = {} ? {} : {};", {e.type.cpp_type(), v, n, default_value(e.type), code});
  return {v, n};
}

std::string ExprEmitter::fail(const std::string& what, const Expr& e) {
  return fmt(failure_, {cpp_c_string(what + " in '" + e.text + "'")});
}

void ExprEmitter::set_row(int relation, RowRef row) {
  if (rows_.size() <= static_cast<size_t>(relation)) rows_.resize(relation + 1, RowRef{"", nullptr});
  rows_[relation] = std::move(row);
}

Value ExprEmitter::checked(const Expr& e, const std::vector<Value>& args, const std::string& check,
                           const std::string& null_when, const std::string& what, bool failure_is_null) {
  std::string v = fresh();
  std::string n = "n" + v.substr(1);
  std::string call = check;
  for (size_t at = call.find("{}"); at != std::string::npos; at = call.find("{}", at)) call.replace(at, 2, v);
  std::string nulls = null_of(args);
  bool nullable = !nulls.empty() || !null_when.empty() || failure_is_null;
  w_.line("{} {} = {};", {e.type.cpp_type(), v, default_value(e.type)});
  if (!nullable) {
    w_.line("if (!{}) [[unlikely]] {}", {call, fail(what, e)});
    return {v, ""};
  }
  w_.line("bool {} = {};", {n, nulls.empty() ? "false" : nulls});
  auto guard = w_.block("if (!" + n + ")");
  std::string on_failure = failure_is_null ? n + " = true;" : fail(what, e);
  if (!null_when.empty()) {
    w_.line("if ({}) {} = true;", {fmt(null_when, {v}), n});
    w_.line("else if (!{}) {}", {call, on_failure});
  } else {
    w_.line("if (!{}) {}", {call, on_failure});
  }
  return {v, n};
}

namespace {

// A key that is equal for structurally equal expressions; empty for one that
// must not be shared (it holds a subquery, whose rows change as it is emitted).
}  // namespace

Value ExprEmitter::emit(const Expr& e) {
  // Leaves are cheap and spelled in place; a computed value is shared.
  bool shareable = e.op != ExprOp::Literal && e.op != ExprOp::Column && e.op != ExprOp::GroupKey &&
                   e.op != ExprOp::AggregateRef && e.op != ExprOp::AnalyticRef && e.op != ExprOp::WindowBound &&
                   e.op != ExprOp::HeldRef;
  std::string key = shareable ? structural_key(e) : "";
  if (!key.empty()) {
    auto it = computed_.find(key);
    if (it != computed_.end()) return it->second;
  }
  const int depth = w_.depth();
  Value v = emit_uncached(e);
  if (!key.empty() && depth == base_depth_) computed_[key] = v;
  return v;
}

Value ExprEmitter::emit_uncached(const Expr& e) {
  switch (e.op) {
    case ExprOp::Literal: return literal(e);
    case ExprOp::Column: return column(e);
    case ExprOp::GroupKey: return group_keys_.at(e.column);
    case ExprOp::AggregateRef: return group_aggregates_.at(e.column);
    case ExprOp::AnalyticRef: return analytics_.at(e.column);
    case ExprOp::WindowBound: return window_bounds_.at(e.column);
    case ExprOp::HeldRef: return held_.at(e.column);
    case ExprOp::Aggregate: throw std::logic_error("an aggregate outside its group: " + e.text);
    case ExprOp::Lag:
    case ExprOp::Lead: throw std::logic_error("a row analytic outside its operator: " + e.text);
    case ExprOp::And:
    case ExprOp::Or:
    case ExprOp::Not:
    case ExprOp::IsNull:
    case ExprOp::IsNotNull:
    case ExprOp::IsTrue:
    case ExprOp::IsNotTrue:
    case ExprOp::IsFalse:
    case ExprOp::IsNotFalse: return logical(e);
    case ExprOp::Eq:
    case ExprOp::Ne:
    case ExprOp::Lt:
    case ExprOp::Le:
    case ExprOp::Gt:
    case ExprOp::Ge: return comparison(e);
    case ExprOp::InList:
    case ExprOp::NotInList:
    case ExprOp::Between:
    case ExprOp::NotBetween:
    case ExprOp::Like:
    case ExprOp::NotLike: return predicate(e);
    case ExprOp::Case: return conditional(e);
    case ExprOp::Coalesce: return coalesce(e);
    case ExprOp::Negate:
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Mod:
    case ExprOp::Pow: return arithmetic(e);
    case ExprOp::Cast:
    case ExprOp::TryCast: return cast(e);
    case ExprOp::Exists:
    case ExprOp::InSubquery:
    case ExprOp::ScalarSubquery:
    case ExprOp::Quantified: return subquery(e);
    default: return function(e);
  }
}

std::string ExprEmitter::emit_condition(const Expr& e) {
  Value v = emit(e);
  return v.nullable() ? "!" + v.null + " && " + v.code : v.code;
}

Value ExprEmitter::literal(const Expr& e) {
  const SqlType& t = e.type;
  if (std::holds_alternative<std::monostate>(e.literal)) return {default_value(t), "true"};
  if (auto* b = std::get_if<bool>(&e.literal)) return {*b ? "true" : "false", ""};
  if (auto* s = std::get_if<std::string>(&e.literal)) return {cpp_string_literal(*s), ""};
  if (auto* d = std::get_if<double>(&e.literal)) return {double_literal(*d), ""};
  if (auto* big = std::get_if<__int128>(&e.literal)) return {int128_literal(*big), ""};
  int64_t n = std::get<int64_t>(e.literal);
  if (t.is_wide_decimal()) return {int128_literal(n), ""};
  if (t.id == TypeId::Int || t.id == TypeId::Date) return {std::to_string(n), ""};
  if (n == INT64_MIN) return {"INT64_MIN", ""};
  return {"INT64_C(" + std::to_string(n) + ")", ""};
}

Value ExprEmitter::column(const Expr& e) {
  const RowRef& row = rows_.at(e.source);
  const ScanField* f = row.layout->field_of(e.column);
  std::string code = row.access + f->field;
  if (!e.nullable) return {code, ""};
  return {code, "(" + row.access + null_word(*row.layout, row.layout->slot_of(e.column)) + " & " +
                    row.layout->row_type + "::" + row_null_constant(f->field) + ")"};
}

Value ExprEmitter::logical(const Expr& e) {
  std::vector<Value> a = emit_args(e);
  auto bool_const = [&](const std::string& code) {
    std::string v = fresh();
    w_.line("const bool {} = {};", {v, code});
    return v;
  };
  switch (e.op) {
    case ExprOp::Not: return pure(e, "!" + a[0].code, a);
    case ExprOp::IsNull: return {a[0].nullable() ? "static_cast<bool>(" + a[0].null + ")" : "false", ""};
    case ExprOp::IsNotNull: return {a[0].nullable() ? "!" + a[0].null : "true", ""};
    case ExprOp::IsTrue: return {bool_const(a[0].nullable() ? "!" + a[0].null + " && " + a[0].code : a[0].code), ""};
    case ExprOp::IsNotTrue: return {bool_const(a[0].nullable() ? a[0].null + " || !" + a[0].code : "!" + a[0].code), ""};
    case ExprOp::IsFalse: return {bool_const(a[0].nullable() ? "!" + a[0].null + " && !" + a[0].code : "!" + a[0].code), ""};
    case ExprOp::IsNotFalse: return {bool_const(a[0].nullable() ? a[0].null + " || " + a[0].code : a[0].code), ""};
    default: break;
  }
  const Value& l = a[0];
  const Value& r = a[1];
  bool is_and = e.op == ExprOp::And;
  if (!l.nullable() && !r.nullable()) return pure(e, l.code + (is_and ? " && " : " || ") + r.code, a);
  // Three-valued logic: FALSE AND NULL is FALSE, TRUE OR NULL is TRUE.
  auto operand = [](const Value& x, bool for_and) {
    if (!x.nullable()) return x.code;
    return for_and ? "(" + x.null + " || " + x.code + ")" : "(!" + x.null + " && " + x.code + ")";
  };
  std::string v = fresh();
  std::string n = "n" + v.substr(1);
  std::string nulls = null_of(a);
  if (is_and) {
    std::string maybe = fresh("t");  // TRUE or NULL: neither side is FALSE
    w_.line("const bool {} = {} && {};", {maybe, operand(l, true), operand(r, true)});
    w_.line("const bool {} = {} && ({});", {n, maybe, nulls});
    w_.line("const bool {} = {} && !{};", {v, maybe, n});
  } else {
    w_.line("const bool {} = {} || {};", {v, operand(l, false), operand(r, false)});
    w_.line("const bool {} = !{} && ({});", {n, v, nulls});
  }
  return {v, n};
}

Value ExprEmitter::comparison(const Expr& e) {
  std::vector<Value> a = emit_args(e);
  const char* op = e.op == ExprOp::Eq ? " == " : e.op == ExprOp::Ne ? " != " : e.op == ExprOp::Lt ? " < "
                 : e.op == ExprOp::Le ? " <= " : e.op == ExprOp::Gt ? " > " : " >= ";
  return pure(e, a[0].code + op + a[1].code, a);
}

Value ExprEmitter::predicate(const Expr& e) {
  std::vector<Value> a = emit_args(e);
  if (e.op == ExprOp::Like || e.op == ExprOp::NotLike) {
    std::string call = "streamc::like_match(" + a[0].code + ", " + a[1].code;
    if (a.size() > 2) call += ", " + cpp_char_literal(std::get<std::string>(e.args[2]->literal)[0]);
    call += ")";
    return pure(e, (e.op == ExprOp::NotLike ? "!" : "") + call, a);
  }
  if (e.op == ExprOp::Between || e.op == ExprOp::NotBetween) {
    // x BETWEEN lo AND hi is (x >= lo) AND (x <= hi), in three-valued logic.
    const Value& x = a[0];
    std::vector<Value> low_args{x, a[1]}, high_args{x, a[2]};
    std::string low_null = null_of(low_args), high_null = null_of(high_args);
    Value low{fresh(), ""}, high{fresh(), ""};
    w_.line("const bool {} = {} >= {};", {low.code, x.code, a[1].code});
    w_.line("const bool {} = {} <= {};", {high.code, x.code, a[2].code});
    if (!low_null.empty()) low.null = "(" + low_null + ")";
    if (!high_null.empty()) high.null = "(" + high_null + ")";
    std::string v = fresh(), n = "n" + v.substr(1);
    if (!low.nullable() && !high.nullable()) {
      std::string both = low.code + " && " + high.code;
      w_.line("const bool {} = {};", {v, e.op == ExprOp::NotBetween ? "!(" + both + ")" : both});
      return {v, ""};
    }
    std::string maybe = fresh("t");
    w_.line("const bool {} = ({} || {}) && ({} || {});",
            {maybe, low.nullable() ? low.null : "false", low.code, high.nullable() ? high.null : "false", high.code});
    w_.line("const bool {} = {} && ({});", {n, maybe, null_of({low, high})});
    w_.line("const bool {} = {}({} && !{});", {v, e.op == ExprOp::NotBetween ? "!" : "", maybe, n});
    return {v, n};
  }
  // x IN (a, b, ..): TRUE on a match; otherwise NULL if x or an item is NULL.
  const Value& x = a[0];
  std::string found;
  std::vector<Value> items(a.begin() + 1, a.end());
  for (const Value& item : items) {
    if (!found.empty()) found += " || ";
    found += item.nullable() ? "(!" + item.null + " && " + x.code + " == " + item.code + ")"
                             : x.code + " == " + item.code;
  }
  std::string f = fresh("f");
  w_.line("const bool {} = {};", {f, found});
  bool negated = e.op == ExprOp::NotInList;
  std::string item_nulls = null_of(items);
  if (!x.nullable() && item_nulls.empty()) return {negated ? "!" + f : f, ""};
  std::string v = fresh(), n = "n" + v.substr(1);
  std::string null_code = x.nullable() ? x.null : "false";
  if (!item_nulls.empty()) null_code += " || (!" + f + " && (" + item_nulls + "))";
  w_.line("const bool {} = {};", {n, null_code});
  w_.line("const bool {} = {}{};", {v, negated ? "!" : "", f});
  return {v, n};
}

Value ExprEmitter::conditional(const Expr& e) {
  // Branches are evaluated lazily: only the chosen result runs, so an error
  // (an overflow, a bad cast) in a branch not taken never fires.
  std::string v = fresh(), n = "n" + v.substr(1);
  w_.line("{} {} = {};", {e.type.cpp_type(), v, default_value(e.type)});
  w_.line("bool {} = true;", {n});
  size_t pairs = (e.args.size() - (e.has_else ? 1 : 0)) / 2;
  std::vector<CodeWriter::Block> open;
  for (size_t i = 0; i < pairs; ++i) {
    std::string cond = emit_condition(*e.args[2 * i]);
    {
      auto then = w_.block("if (" + cond + ")");
      Value r = emit(*e.args[2 * i + 1]);
      w_.line("{} = {};", {v, r.code});
      w_.line("{} = {};", {n, r.nullable() ? r.null : "false"});
    }
    open.push_back(w_.else_block());
  }
  if (e.has_else) {
    Value r = emit(*e.args.back());
    w_.line("{} = {};", {v, r.code});
    w_.line("{} = {};", {n, r.nullable() ? r.null : "false"});
  }
  while (!open.empty()) open.pop_back();
  return {v, e.nullable ? n : ""};
}

Value ExprEmitter::coalesce(const Expr& e) {
  std::string v = fresh(), n = "n" + v.substr(1);
  w_.line("{} {} = {};", {e.type.cpp_type(), v, default_value(e.type)});
  w_.line("bool {} = true;", {n});
  std::vector<CodeWriter::Block> open;
  for (const auto& arg : e.args) {
    Value a = emit(*arg);
    if (!a.nullable()) {
      w_.line("{} = {};", {v, a.code});
      w_.line("{} = false;", {n});
      break;
    }
    {
      auto then = w_.block("if (!" + a.null + ")");
      w_.line("{} = {};", {v, a.code});
      w_.line("{} = false;", {n});
    }
    open.push_back(w_.else_block());
  }
  while (!open.empty()) open.pop_back();
  return {v, e.nullable ? n : ""};
}

}  // namespace streamc
