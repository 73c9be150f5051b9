// Subqueries against tables. Correlated on the table's key: one probe per
// record, like a join. Uncorrelated: the pipeline asks the subquery's cache,
// which is computed again only when the table has changed (emit_subquery_cache).
#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
#include "codegen/expression_emitter.h"
#include "codegen/emit_subquery.h"
#include "util/strings.h"

namespace streamc {
namespace {

const char* compare_op(BoundOp op) {
  switch (op) {
    case BoundOp::Eq: return " == ";
    case BoundOp::Ne: return " != ";
    case BoundOp::Lt: return " < ";
    case BoundOp::Le: return " <= ";
    case BoundOp::Gt: return " > ";
    default: return " >= ";
  }
}

std::string or_false(const Value& v) { return v.nullable() ? v.null : "false"; }

}  // namespace

Value ExprEmitter::subquery(const BoundExpr& e) {
  const SubqueryPlan* plan = plan_ ? plan_->subquery_of(&e) : nullptr;
  if (!plan) return {"false", "true"};  // not reached: the planner knows every subquery
  w_.line("// {}", {comment_text(e.text)});
  return e.subquery->keyed ? keyed_subquery(e, *plan) : cached_subquery(e, *plan);
}

Value ExprEmitter::keyed_subquery(const BoundExpr& e, const SubqueryPlan& plan) {
  const BoundSubquery& sub = *e.subquery;
  const Table& table = plan_->tables[plan.table];
  Value x;
  if (!e.args.empty()) x = emit(*e.args[0]);
  std::vector<Value> key;
  for (const auto& k : sub.key) key.push_back(emit(*k));
  std::string key_code = key[0].code;
  if (key.size() > 1) {
    std::vector<std::string> parts;
    for (const auto& v : key) parts.push_back(v.code);
    key_code = key_type(*plan_, table) + "(" + join(parts, ", ") + ")";
  }
  std::string var = fresh("s");
  std::string nulls = null_of(key);
  std::string find = table.member + ".find(" + key_code + ")";
  w_.line("const {}* {} = {};", {table.row_type, var, nulls.empty() ? find : "(" + nulls + ") ? nullptr : " + find});
  set_row(sub.relation, {var + "->", &table});
  if (sub.condition) {
    auto found = w_.block("if (" + var + " != nullptr)");
    std::string cond = emit_condition(*sub.condition);
    w_.line("if (!({})) {} = nullptr;", {cond, var});
  }
  if (e.op == BoundOp::Exists) return {"(" + var + " != nullptr)", ""};
  std::string v = fresh(), n = "n" + v.substr(1);
  if (e.op == BoundOp::ScalarSubquery) {
    w_.line("{} {} = {};", {e.type.cpp_type(), v, default_value(e.type)});
    w_.line("bool {} = true;  // no row: NULL", {n});
    auto found = w_.block("if (" + var + " != nullptr)");
    Value value = emit(*sub.value);
    w_.line("{} = {};", {v, value.code});
    w_.line("{} = {};", {n, or_false(value)});
    return {v, n};
  }
  // x IN (one row) and x <op> ANY/ALL (one row): no row gives FALSE (IN, ANY) or TRUE (ALL).
  bool empty_result = e.op == BoundOp::Quantified && e.all;
  const char* op = e.op == BoundOp::InSubquery ? " == " : compare_op(e.compare);
  w_.line("bool {} = {};", {v, empty_result ? "true" : "false"});
  w_.line("bool {} = false;", {n});
  auto found = w_.block("if (" + var + " != nullptr)");
  Value value = emit(*sub.value);
  std::vector<Value> both = {x, value};
  std::string both_null = null_of(both);
  w_.line("{} = {};", {n, both_null.empty() ? "false" : both_null});
  w_.line("{} = !{} && {}{}{};", {v, n, x.code, op, value.code});
  return {v, n};
}

Value ExprEmitter::cached_subquery(const BoundExpr& e, const SubqueryPlan& plan) {
  const std::string& s = plan.name;
  w_.line("if (!refresh_{}()) {}", {s, fmt(failure_, {"error_"})});
  if (e.op == BoundOp::Exists) return {"(" + s + "_rows_ > 0)", ""};
  if (e.op == BoundOp::ScalarSubquery) {
    if (e.subquery->aggregate == "count") return {"static_cast<int64_t>(" + s + "_rows_)", ""};
    return {s + "_value_", s + "_null_"};
  }
  Value x = emit(*e.args[0]);
  std::string v = fresh(), n = "n" + v.substr(1);
  std::string x_null = or_false(x);
  std::string empty = s + "_rows_ == 0";
  auto in_set = [&] { return "(!" + x_null + " && " + s + "_set_.find(" + x.code + ") != nullptr)"; };
  if (e.op == BoundOp::InSubquery || (e.compare == BoundOp::Eq && !e.all) || (e.compare == BoundOp::Ne && e.all)) {
    // x IN S (= ANY): TRUE on a match; FALSE for an empty S; else NULL if x or some value of S is NULL.
    // x <> ALL S is NOT (x IN S).
    bool negate = e.op == BoundOp::Quantified && e.all;
    w_.line("const bool {} = {};", {v + "_in", in_set()});
    w_.line("const bool {} = !{}_in && !({}) && ({} || {}_has_null_);", {n, v, empty, x_null, s});
    w_.line("const bool {} = {}{}_in;", {v, negate ? "!" : "", v});
    return {v, n};
  }
  // Over the non-NULL values of S: ANY holds when some value satisfies the
  // comparison; ALL fails when some value does not (decided by MIN / MAX).
  const std::string lo = s + "_min_", hi = s + "_max_", values = s + "_values_";
  std::string some_true, some_false;
  switch (e.compare) {
    case BoundOp::Lt: some_true = hi + " > " + x.code; some_false = lo + " <= " + x.code; break;
    case BoundOp::Le: some_true = hi + " >= " + x.code; some_false = lo + " < " + x.code; break;
    case BoundOp::Gt: some_true = lo + " < " + x.code; some_false = hi + " >= " + x.code; break;
    case BoundOp::Ge: some_true = lo + " <= " + x.code; some_false = hi + " > " + x.code; break;
    case BoundOp::Ne: some_true = "(" + lo + " != " + x.code + " || " + hi + " != " + x.code + ")"; some_false = ""; break;
    default: some_true = ""; some_false = "(" + lo + " != " + x.code + " || " + hi + " != " + x.code + ")"; break;
  }
  std::string decided = e.all ? some_false : some_true;
  w_.line("const bool {} = !{} && {} > 0 && {};", {v + "_decided", x_null, values, decided});
  if (e.all) {
    // ALL: empty → TRUE; some FALSE → FALSE; else NULL if x or a value is NULL; else TRUE.
    w_.line("const bool {} = !({}) && !{}_decided && ({} || {}_has_null_);", {n, empty, v, x_null, s});
    w_.line("const bool {} = !{}_decided;", {v, v});
  } else {
    w_.line("const bool {} = !({}) && !{}_decided && ({} || {}_has_null_);", {n, empty, v, x_null, s});
    w_.line("const bool {} = {}_decided;", {v, v});
  }
  return {v, n};
}

void emit_subquery_members(CodeWriter& w, const Plan& plan) {
  for (const SubqueryPlan& sp : plan.subqueries) {
    const BoundExpr& e = *sp.node;
    const BoundSubquery& sub = *e.subquery;
    if (sub.keyed) continue;
    const std::string& s = sp.name;
    w.line("// {}: computed again only when the table changes", {comment_text(e.text)});
    w.line("bool refresh_{}();", {s});
    w.line("uint64_t {}_version_ = ~uint64_t(0);", {s});
    w.line("uint64_t {}_rows_ = 0;", {s});
    if (e.op == BoundOp::Exists) continue;
    if (e.op == BoundOp::ScalarSubquery) {
      if (sub.aggregate == "count") continue;
      w.line("{} {}_value_ = {};", {e.type.cpp_type(), s, default_value(e.type)});
      w.line("bool {}_null_ = true;", {s});
      if (sub.aggregate == "avg") w.line("uint64_t {}_values_ = 0;", {s});
      continue;
    }
    std::string t = sub.value->type.cpp_type();
    w.line("bool {}_has_null_ = false;", {s});
    w.line("uint64_t {}_values_ = 0;", {s});
    w.line("streamc::HashTable<{}, streamc::Present> {}_set_;", {t, s});
    w.line("{} {}_min_ = {};", {t, s, default_value(sub.value->type)});
    w.line("{} {}_max_ = {};", {t, s, default_value(sub.value->type)});
  }
}

void emit_subquery_refresh(CodeWriter& w, const Plan& plan) {
  for (const SubqueryPlan& sp : plan.subqueries) {
    const BoundExpr& e = *sp.node;
    const BoundSubquery& sub = *e.subquery;
    if (sub.keyed) continue;
    const Table& table = plan.tables[sp.table];
    const std::string& s = sp.name;
    w.line("// {}", {comment_text(e.text)});
    auto fn = w.block("bool Program::refresh_" + s + "()");
    w.line("if ({}_version_ == {}) return true;", {s, table.version});
    w.line("{}_version_ = {};", {s, table.version});
    w.line("{}_rows_ = 0;", {s});
    bool aggregate = e.op == BoundOp::ScalarSubquery && sub.aggregate != "count";
    bool values = e.op == BoundOp::InSubquery || e.op == BoundOp::Quantified;
    if (aggregate) {
      w.line("{}_value_ = {};", {s, default_value(e.type)});
      w.line("{}_null_ = true;", {s});
      if (sub.aggregate == "avg") w.line("{}_values_ = 0;", {s});
    }
    if (values) {
      w.line("{}_has_null_ = false;", {s});
      w.line("{}_values_ = 0;", {s});
      w.line("{}_set_.clear();", {s});
    }
    w.line("const char* failed = nullptr;");
    {
      auto each = w.block(table.member + ".for_each([&](const auto&, const " + table.row_type + "& row)", "});");
      w.line("if (failed) return;");
      int counter = 0;
      ExprEmitter emitter(w, {}, counter);
      emitter.set_plan(&plan);
      emitter.set_row(sub.relation, {"row.", &table});
      emitter.set_failure("{ failed = {}; return; }");
      if (sub.condition) {
        std::string cond = emitter.emit_condition(*sub.condition);
        w.line("if (!({})) return;", {cond});
      }
      w.line("++{}_rows_;", {s});
      if (aggregate) {
        Value v = emitter.emit(*sub.value);
        if (v.nullable()) w.line("if ({}) return;", {v.null});
        const std::string& a = sub.aggregate;
        std::string cur = s + "_value_";
        if (a == "min" || a == "max") {
          w.line("if ({}_null_ || {} {} {}) {} = {};", {s, v.code, a == "min" ? "<" : ">", cur, cur, v.code});
        } else if (a == "avg") {
          std::string number = sub.value->type.id == TypeId::Decimal
                                   ? "streamc::dec_to_double(" + v.code + ", " + std::to_string(sub.value->type.scale) + ")"
                                   : "static_cast<double>(" + v.code + ")";
          w.line("{} += {};", {cur, number});
          w.line("++{}_values_;", {s});
        } else if (e.type.id == TypeId::Double) {
          w.line("{} += static_cast<double>({});", {cur, v.code});
        } else {
          std::string wide = e.type.cpp_type() + "(" + v.code + ")";
          std::string fits = e.type.id == TypeId::Decimal ? " && streamc::dec_fits(" + cur + ", 38)" : "";
          w.line("if (!(!__builtin_add_overflow({}, {}, &{}){})) {", {cur, wide, cur, fits});
          w.line("  failed = {};", {cpp_c_string("overflow in '" + e.text + "'")});
          w.line("  return;");
          w.line("}");
        }
        w.line("{}_null_ = false;", {s});
      }
      if (values) {
        Value v = emitter.emit(*sub.value);
        if (v.nullable()) {
          auto null = w.block("if (" + v.null + ")");
          w.line("{}_has_null_ = true;", {s});
          w.line("return;");
        }
        w.line("{}_set_.upsert({}, streamc::Present{});", {s, v.code});
        w.line("if ({}_values_ == 0 || {} < {}_min_) {}_min_ = {};", {s, v.code, s, s, v.code});
        w.line("if ({}_values_ == 0 || {} > {}_max_) {}_max_ = {};", {s, v.code, s, s, v.code});
        w.line("++{}_values_;", {s});
      }
    }
    if (aggregate && sub.aggregate == "avg") {
      w.line("if ({}_values_ > 0) {}_value_ /= static_cast<double>({}_values_);", {s, s, s});
    }
    {
      auto failure = w.block("if (failed)");
      w.line("error_ = failed;");
      w.line("return false;");
    }
    w.line("return true;");
  }
}

}  // namespace streamc
