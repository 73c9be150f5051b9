// Subqueries against tables, in the per-record code. Correlated on the
// table's key: one probe per record, like a join. On other columns: the rows
// an index of the table finds. Uncorrelated: the pipeline asks the
// subquery's cache, computed again only when the table has changed
// (emit_subquery_cache.cpp).
#include "codegen/cpp_literals.h"
#include "codegen/emit_aggregate.h"
#include "codegen/emit_source.h"
#include "codegen/expression_emitter.h"
#include "codegen/emit_subquery.h"
#include "util/strings.h"

namespace streamc {
namespace {

const char* compare_op(ExprOp op) {
  switch (op) {
    case ExprOp::Eq: return " == ";
    case ExprOp::Ne: return " != ";
    case ExprOp::Lt: return " < ";
    case ExprOp::Le: return " <= ";
    case ExprOp::Gt: return " > ";
    default: return " >= ";
  }
}

std::string or_false(const Value& v) { return v.nullable() ? v.null : "false"; }

}  // namespace

Value ExprEmitter::subquery(const Expr& e) {
  const SubqueryPlan* plan = plan_ ? plan_->subquery_of(&e) : nullptr;
  if (!plan) return {"false", "true"};  // not reached: the planner knows every subquery
  w_.line("// {}", {comment_text(e.text)});
  if (e.subquery->keyed) return keyed_subquery(e, *plan);
  return e.subquery->indexed ? indexed_subquery(e, *plan) : cached_subquery(e, *plan);
}

Value ExprEmitter::keyed_subquery(const Expr& e, const SubqueryPlan& plan) {
  const Subquery& sub = *e.subquery;
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
  if (e.op == ExprOp::Exists) return {"(" + var + " != nullptr)", ""};
  std::string v = fresh(), n = "n" + v.substr(1);
  if (e.op == ExprOp::ScalarSubquery) {
    w_.line("{} {} = {};", {e.type.cpp_type(), v, default_value(e.type)});
    w_.line("bool {} = true;  // no row: NULL", {n});
    auto found = w_.block("if (" + var + " != nullptr)");
    Value value = emit(*sub.value);
    w_.line("{} = {};", {v, value.code});
    w_.line("{} = {};", {n, or_false(value)});
    return {v, n};
  }
  // x IN (one row) and x <op> ANY/ALL (one row): no row gives FALSE (IN, ANY) or TRUE (ALL).
  bool empty_result = e.op == ExprOp::Quantified && e.all;
  const char* op = e.op == ExprOp::InSubquery ? " == " : compare_op(e.compare);
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

Value ExprEmitter::cached_subquery(const Expr& e, const SubqueryPlan& plan) {
  const std::string& s = plan.name;
  w_.line("if (!refresh_{}()) {}", {s, fmt(failure_, {"error_"})});
  if (e.op == ExprOp::Exists) return {"(" + s + "_rows_ > 0)", ""};
  if (e.op == ExprOp::ScalarSubquery) return accumulator_result(*e.subquery->aggregate, subquery_accumulator(plan));
  Value x = emit(*e.args[0]);
  std::string v = fresh(), n = "n" + v.substr(1);
  std::string x_null = or_false(x);
  std::string empty = s + "_rows_ == 0";
  auto in_set = [&] { return "(!" + x_null + " && " + s + "_set_.find(" + x.code + ") != nullptr)"; };
  if (e.op == ExprOp::InSubquery || (e.compare == ExprOp::Eq && !e.all) || (e.compare == ExprOp::Ne && e.all)) {
    // x IN S (= ANY): TRUE on a match; FALSE for an empty S; else NULL if x or some value of S is NULL.
    // x <> ALL S is NOT (x IN S).
    bool negate = e.op == ExprOp::Quantified && e.all;
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
    case ExprOp::Lt: some_true = hi + " > " + x.code; some_false = lo + " <= " + x.code; break;
    case ExprOp::Le: some_true = hi + " >= " + x.code; some_false = lo + " < " + x.code; break;
    case ExprOp::Gt: some_true = lo + " < " + x.code; some_false = hi + " >= " + x.code; break;
    case ExprOp::Ge: some_true = lo + " <= " + x.code; some_false = hi + " > " + x.code; break;
    case ExprOp::Ne: some_true = "(" + lo + " != " + x.code + " || " + hi + " != " + x.code + ")"; some_false = ""; break;
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

// Correlated on columns other than the key: the rows of the index key the
// outer row gives, each checked against the rest of the subquery's WHERE.
Value ExprEmitter::indexed_subquery(const Expr& e, const SubqueryPlan& plan) {
  const Subquery& sub = *e.subquery;
  const Table& table = plan_->tables[plan.table];
  const SourcePlan& src = plan_->sources[table.source];
  const std::string& s = plan.name;
  w_.line("if (!refresh_{}()) {}", {s, fmt(failure_, {"error_"})});
  Value x;
  if (!e.args.empty()) x = emit(*e.args[0]);
  std::vector<Value> probe;
  std::vector<std::string> parts;
  for (const auto& p : sub.index_probe) {
    probe.push_back(emit(*p));
    parts.push_back(probe.back().code);
  }
  std::string nulls = null_of(probe);
  std::string span = fresh("span");
  std::string find = s + "_index_.find(" + index_key(sub, src, parts) + ")";
  w_.line("const streamc::RowSpan* {} = {};", {span, nulls.empty() ? find : "(" + nulls + ") ? nullptr : " + find});
  // What the rows decide, by kind: EXISTS: a row; IN / ANY: a TRUE comparison;
  // ALL: a FALSE one; scalar: the aggregate, or the value of the one row.
  const std::optional<AggKind> agg = sub.aggregate;
  std::string v = fresh(agg ? "agg" : "v"), n = agg ? "" : "n" + v.substr(1);
  bool all = e.op == ExprOp::Quantified && e.all;
  if (agg) {
    w_.line("{} {};", {accumulator_type(*agg, e.type, sub.value ? sub.value->type : e.type), v});
  } else if (e.op == ExprOp::ScalarSubquery) {
    w_.line("{} {} = {};", {e.type.cpp_type(), v, default_value(e.type)});
    w_.line("bool {} = true;", {n});
    w_.line("bool {}_seen = false;", {v});
  } else {
    w_.line("bool {} = {};", {v, all ? "true" : "false"});
    w_.line("bool {} = false;  // some comparison was NULL", {n});
  }
  std::string rows = s + "_rows_";
  std::string row = fresh("s");
  {
    auto loop = w_.block("for (uint32_t i = 0; " + span + " != nullptr && i < " + span + "->count; ++i)");
    w_.line("const {}* {} = {}[{}->begin + i];", {table.row_type, row, rows, span});
    set_row(sub.relation, {row + "->", &table});
    if (sub.condition) {
      std::string cond = emit_condition(*sub.condition);
      w_.line("if (!({})) continue;", {cond});
    }
    if (e.op == ExprOp::Exists) {
      w_.line("{} = true;", {v});
      w_.line("break;");
    } else if (agg) {
      Value val;
      if (!sub.count_star) val = emit(*sub.value);
      emit_accumulate(w_, v,
                      {.kind = *agg,
                       .value = sub.count_star ? nullptr : &val,
                       .value_type = sub.count_star ? e.type : sub.value->type,
                       .result = e.type,
                       .skip = "continue;",
                       .overflow = fmt(failure_, {cpp_c_string("overflow in '" + e.text + "'")})});
    } else if (e.op == ExprOp::ScalarSubquery) {
      Value val = emit(*sub.value);
      if (val.nullable()) w_.line("if ({}) { {} = true; {}_seen = true; continue; }", {val.null, n, v});
      w_.line("if ({}_seen) {}", {v, fmt(failure_, {cpp_c_string("more than one row in the subquery '" + e.text + "'")})});
      w_.line("{}_seen = true;", {v});
      w_.line("{} = {};", {v, val.code});
      w_.line("{} = false;", {n});
    } else {
      // x IN / <op> ANY / <op> ALL: three-valued, over the rows found.
      Value val = emit(*sub.value);
      const char* op = e.op == ExprOp::InSubquery ? " == " : compare_op(e.compare);
      std::vector<Value> both = {x, val};
      std::string both_null = null_of(both);
      if (!both_null.empty()) {
        auto unknown = w_.block("if (" + both_null + ")");
        w_.line("{} = true;", {n});
        w_.line("continue;");
      }
      if (all) {
        w_.line("if (!({}{}{})) {", {x.code, op, val.code});
        w_.line("  {} = false;", {v});
        w_.line("  break;");
        w_.line("}");
      } else {
        w_.line("if ({}{}{}) {", {x.code, op, val.code});
        w_.line("  {} = true;", {v});
        w_.line("  break;");
        w_.line("}");
      }
    }
  }
  if (e.op == ExprOp::Exists) return {v, ""};
  if (agg) return accumulator_result(*agg, v);
  if (e.op == ExprOp::ScalarSubquery) return {v, n};
  // A decided result (TRUE for IN / ANY, FALSE for ALL) is never NULL.
  std::string decided = all ? "!" + v : v;
  w_.line("{} = {} && !{};", {n, n, decided});
  if (all) w_.line("{} = {} && !{};", {v, v, n});
  return {v, n};
}

}  // namespace streamc
