// Subqueries against tables. Correlated on the table's key: one probe per
// record, like a join. Uncorrelated: the pipeline asks the subquery's cache,
// which is computed again only when the table has changed (emit_subquery_cache).
#include <functional>

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
  if (e.subquery->keyed) return keyed_subquery(e, *plan);
  return e.subquery->indexed ? indexed_subquery(e, *plan) : cached_subquery(e, *plan);
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

namespace {

// The C++ type of an indexed subquery's index key, and the key from values.
std::string index_key_type(const BoundSubquery& sub, const SourceDef& src) {
  if (sub.index_columns.size() == 1) return src.columns[sub.index_columns[0]].type.cpp_type();
  std::vector<std::string> types;
  for (int c : sub.index_columns) types.push_back(src.columns[c].type.cpp_type());
  return "std::tuple<" + join(types, ", ") + ">";
}

std::string index_key(const BoundSubquery& sub, const SourceDef& src, const std::vector<std::string>& parts) {
  if (parts.size() == 1) return parts[0];
  return index_key_type(sub, src) + "(" + join(parts, ", ") + ")";
}

}  // namespace

// Correlated on columns other than the key: the rows of the index key the
// outer row gives, each checked against the rest of the subquery's WHERE.
Value ExprEmitter::indexed_subquery(const BoundExpr& e, const SubqueryPlan& plan) {
  const BoundSubquery& sub = *e.subquery;
  const Table& table = plan_->tables[plan.table];
  const SourceDef& src = plan_->program->catalog.sources()[table.source];
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
  // ALL: a FALSE one; scalar: the value (one row) or the aggregate.
  std::string v = fresh(), n = "n" + v.substr(1);
  bool all = e.op == BoundOp::Quantified && e.all;
  const std::string agg = sub.aggregate;
  if (e.op == BoundOp::ScalarSubquery) {
    w_.line("{} {} = {};", {e.type.cpp_type(), v, default_value(e.type)});
    w_.line("bool {} = {};", {n, agg == "count" ? "false" : "true"});
    if (agg == "avg") w_.line("uint64_t {}_count = 0;", {v});
    if (agg.empty()) w_.line("bool {}_seen = false;", {v});
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
    if (e.op == BoundOp::Exists) {
      w_.line("{} = true;", {v});
      w_.line("break;");
    } else if (e.op == BoundOp::ScalarSubquery) {
      if (agg == "count") {
        if (sub.count_star) {
          w_.line("++{};", {v});
        } else {
          Value val = emit(*sub.value);
          w_.line("if (!{}) ++{};", {or_false(val), v});
        }
      } else {
        Value val = emit(*sub.value);
        if (val.nullable()) w_.line("if ({}) {}", {val.null, agg.empty() ? "{ " + n + " = true; " + v + "_seen = true; continue; }" : "continue;"});
        if (agg.empty()) {
          w_.line("if ({}_seen) {}", {v, fmt(failure_, {cpp_c_string("more than one row in the subquery '" + e.text + "'")})});
          w_.line("{}_seen = true;", {v});
          w_.line("{} = {};", {v, val.code});
          w_.line("{} = false;", {n});
        } else if (agg == "min" || agg == "max") {
          w_.line("if ({} || {} {} {}) {} = {};", {n, val.code, agg == "min" ? "<" : ">", v, v, val.code});
          w_.line("{} = false;", {n});
        } else if (agg == "avg") {
          std::string number = sub.value->type.id == TypeId::Decimal
                                   ? "streamc::dec_to_double(" + val.code + ", " + std::to_string(sub.value->type.scale) + ")"
                                   : "static_cast<double>(" + val.code + ")";
          w_.line("{} += {};", {v, number});
          w_.line("++{}_count;", {v});
          w_.line("{} = false;", {n});
        } else if (e.type.id == TypeId::Double) {
          w_.line("{} += static_cast<double>({});", {v, val.code});
          w_.line("{} = false;", {n});
        } else {
          std::string fits = e.type.id == TypeId::Decimal ? " && streamc::dec_fits(" + v + ", 38)" : "";
          w_.line("if (!(!__builtin_add_overflow({}, {}({}), &{}){})) {}",
                  {v, e.type.cpp_type(), val.code, v, fits, fmt(failure_, {cpp_c_string("overflow in '" + e.text + "'")})});
          w_.line("{} = false;", {n});
        }
      }
    } else {
      // x IN / <op> ANY / <op> ALL: three-valued, over the rows found.
      Value val = emit(*sub.value);
      const char* op = e.op == BoundOp::InSubquery ? " == " : compare_op(e.compare);
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
  if (e.op == BoundOp::Exists) return {v, ""};
  if (e.op == BoundOp::ScalarSubquery) {
    if (agg == "avg") w_.line("if ({}_count > 0) {} /= static_cast<double>({}_count);", {v, v, v});
    return {v, agg == "count" ? "" : n};
  }
  // A decided result (TRUE for IN / ANY, FALSE for ALL) is never NULL.
  std::string decided = all ? "!" + v : v;
  w_.line("{} = {} && !{};", {n, n, decided});
  if (all) w_.line("{} = {} && !{};", {v, v, n});
  return {v, n};
}

void emit_subquery_members(CodeWriter& w, const Plan& plan) {
  for (const SubqueryPlan& sp : plan.subqueries) {
    const BoundExpr& e = *sp.node;
    const BoundSubquery& sub = *e.subquery;
    if (sub.keyed) continue;
    const std::string& s = sp.name;
    if (sub.indexed) {
      const Table& table = plan.tables[sp.table];
      const SourceDef& src = plan.program->catalog.sources()[table.source];
      w.line("// {}: an index of {}, built again when the table changes", {comment_text(e.text), table.member});
      w.line("bool refresh_{}();", {s});
      w.line("uint64_t {}_version_ = ~uint64_t(0);", {s});
      w.line("streamc::HashTable<{}, streamc::RowSpan> {}_index_;", {index_key_type(sub, src), s});
      w.line("std::vector<const {}*> {}_rows_;", {table.row_type, s});
      w.line("std::vector<std::pair<{}, const {}*>> {}_entries_;", {index_key_type(sub, src), table.row_type, s});
      continue;
    }
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

// One pass over a subquery's table, for a refresh: `row` is the table's row,
// an error is kept in `failed` (the pass cannot return from the function),
// rows that fail `filter` are passed over, and `body` emits the rest.
void emit_table_pass(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp, const BoundExpr* filter,
                     const std::function<void(ExprEmitter&)>& body) {
  const Table& table = plan.tables[sp.table];
  auto each = w.block(table.member + ".for_each([&](const auto&, const " + table.row_type + "& row)", "});");
  w.line("if (failed) return;");
  int counter = 0;
  ExprEmitter emitter(w, {}, counter);
  emitter.set_plan(&plan);
  emitter.set_row(sp.node->subquery->relation, {"row.", &table});
  emitter.set_failure("{ failed = {}; return; }");
  if (filter) {
    std::string cond = emitter.emit_condition(*filter);
    w.line("if (!({})) return;", {cond});
  }
  body(emitter);
}

// After a pass: an error in it fails the record that asked for the refresh.
void emit_pass_failure(CodeWriter& w) {
  auto failure = w.block("if (failed)");
  w.line("error_ = failed;");
  w.line("return false;");
}

// Builds the index of an indexed subquery: the rows that pass its filter on
// the table alone, grouped by the index columns (a row with a NULL there can
// match nothing and is left out).
void emit_index_refresh(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp) {
  const BoundSubquery& sub = *sp.node->subquery;
  const Table& table = plan.tables[sp.table];
  const SourceDef& src = plan.program->catalog.sources()[table.source];
  const std::string& s = sp.name;
  w.line("// {}", {comment_text(sp.node->text)});
  auto fn = w.block("bool Program::refresh_" + s + "()");
  w.line("if ({}_version_ == {}) return true;", {s, table.version});
  w.line("{}_version_ = {};", {s, table.version});
  w.line("{}_index_.clear();", {s});
  w.line("{}_rows_.clear();", {s});
  w.line("{}_entries_.clear();", {s});
  w.line("const char* failed = nullptr;");
  emit_table_pass(w, plan, sp, sub.build_filter.get(), [&](ExprEmitter&) {
    std::vector<std::string> parts, nulls;
    for (int c : sub.index_columns) {
      const ScanField* f = table.field_of(c);
      parts.push_back("row." + f->field);
      if (src.columns[c].nullable) {
        nulls.push_back("(row." + null_word(table, table.slot_of(c)) + " & " + table.row_type + "::" +
                        row_null_constant(f->field) + ")");
      }
    }
    if (!nulls.empty()) w.line("if ({}) return;", {join(nulls, " || ")});
    w.line("{}_entries_.emplace_back({}, &row);", {s, index_key(sub, src, parts)});
  });
  emit_pass_failure(w);
  w.line("std::sort({}_entries_.begin(), {}_entries_.end(),", {s, s});
  w.line("          [](const auto& a, const auto& b) { return a.first < b.first; });");
  {
    auto loop = w.block("for (size_t i = 0; i < " + s + "_entries_.size(); ++i)");
    w.line("if (i == 0 || {}_entries_[i - 1].first < {}_entries_[i].first) {", {s, s});
    w.line("  {}_index_.upsert({}_entries_[i].first, streamc::RowSpan{uint32_t(i), 0});", {s, s});
    w.line("}");
    w.line("++const_cast<streamc::RowSpan*>({}_index_.find({}_entries_[i].first))->count;", {s, s});
    w.line("{}_rows_.push_back({}_entries_[i].second);", {s, s});
  }
  w.line("return true;");
}

void emit_subquery_refresh(CodeWriter& w, const Plan& plan) {
  for (const SubqueryPlan& sp : plan.subqueries) {
    const BoundExpr& e = *sp.node;
    const BoundSubquery& sub = *e.subquery;
    if (sub.keyed) continue;
    const Table& table = plan.tables[sp.table];
    const std::string& s = sp.name;
    if (sub.indexed) {
      emit_index_refresh(w, plan, sp);
      continue;
    }
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
    emit_table_pass(w, plan, sp, sub.condition.get(), [&](ExprEmitter& emitter) {
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
    });
    if (aggregate && sub.aggregate == "avg") {
      w.line("if ({}_values_ > 0) {}_value_ /= static_cast<double>({}_values_);", {s, s, s});
    }
    emit_pass_failure(w);
    w.line("return true;");
  }
}

}  // namespace streamc
