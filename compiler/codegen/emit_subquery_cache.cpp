// The caches of subqueries not correlated on the table's key: Program
// members, and the refresh_ functions that compute them again when their
// table has changed. A pass over the table that fails (an overflow) is kept
// as failed until the table changes: every record asking for it fails, none
// sees a half-computed value.
#include <functional>
#include <optional>

#include "codegen/cpp_literals.h"
#include "codegen/emit_aggregate.h"
#include "codegen/emit_source.h"
#include "codegen/emit_subquery.h"
#include "util/strings.h"

namespace streamc {

std::string index_key_type(const Subquery& sub, const SourcePlan& src) {
  if (sub.index_columns.size() == 1) return src.columns[sub.index_columns[0]].type.cpp_type();
  std::vector<std::string> types;
  for (int c : sub.index_columns) types.push_back(src.columns[c].type.cpp_type());
  return "std::tuple<" + join(types, ", ") + ">";
}

std::string index_key(const Subquery& sub, const SourcePlan& src, const std::vector<std::string>& parts) {
  if (parts.size() == 1) return parts[0];
  return index_key_type(sub, src) + "(" + join(parts, ", ") + ")";
}

std::string subquery_accumulator(const SubqueryPlan& sp) { return sp.name + "_agg_"; }

// The members of a cached or indexed subquery: its result (or index), the
// table version it was computed at, the failure it met, its refresh.
void emit_subquery_members(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp) {
  const Expr& e = *sp.node;
  const Subquery& sub = *e.subquery;
  const std::string& s = sp.name;
  if (sub.indexed) {
    const Table& table = plan.tables[sp.table];
    const SourcePlan& src = plan.sources[table.source];
    w.line("// {}: an index of {}, built again when the table changes", {comment_text(e.text), table.member});
    w.line("bool refresh_{}();", {s});
    w.line("uint64_t {}_version_ = ~uint64_t(0);", {s});
    w.line("const char* {}_failed_ = nullptr;", {s});
    w.line("streamc::HashTable<{}, streamc::RowSpan> {}_index_;", {index_key_type(sub, src), s});
    w.line("std::vector<const {}*> {}_rows_;", {table.row_type, s});
    w.line("std::vector<std::pair<{}, const {}*>> {}_entries_;", {index_key_type(sub, src), table.row_type, s});
    return;
  }
  w.line("// {}: computed again only when the table changes", {comment_text(e.text)});
  w.line("bool refresh_{}();", {s});
  w.line("uint64_t {}_version_ = ~uint64_t(0);", {s});
  w.line("const char* {}_failed_ = nullptr;", {s});
  if (e.op == ExprOp::ScalarSubquery) {
    w.line("{} {};", {accumulator_type(*sub.aggregate, e.type, sub.value ? sub.value->type : e.type),
                      subquery_accumulator(sp)});
    return;
  }
  w.line("uint64_t {}_rows_ = 0;", {s});
  if (e.op == ExprOp::Exists) return;
  std::string t = sub.value->type.cpp_type();
  w.line("bool {}_has_null_ = false;", {s});
  w.line("uint64_t {}_values_ = 0;", {s});
  w.line("streamc::HashTable<{}, streamc::Present> {}_set_;", {t, s});
  w.line("{} {}_min_ = {};", {t, s, default_value(sub.value->type)});
  w.line("{} {}_max_ = {};", {t, s, default_value(sub.value->type)});
}

namespace {

// One pass over a subquery's table, for a refresh: `row` is the table's row,
// an error is kept in <s>_failed_ (the pass cannot return from the
// function), rows that fail `filter` are passed over, and `body` emits the
// rest.
void emit_table_pass(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp, const Expr* filter,
                     const std::function<void(ExprEmitter&)>& body) {
  const Table& table = plan.tables[sp.table];
  const std::string failed = sp.name + "_failed_";
  auto each = w.block(table.member + ".for_each([&](const auto&, const " + table.row_type + "& row)", "});");
  w.line("if ({}) return;", {failed});
  int counter = 0;
  ExprEmitter emitter(w, {}, counter);
  emitter.set_plan(&plan);
  emitter.set_row(sp.node->subquery->relation, {"row.", &table});
  emitter.set_failure("{ " + failed + " = {}; return; }");
  if (filter) {
    std::string cond = emitter.emit_condition(*filter);
    w.line("if (!({})) return;", {cond});
  }
  body(emitter);
}

// The frame of a refresh function, open while the object lives: what is
// written meanwhile runs only when the table has changed since the last
// time, and a failure kept in <s>_failed_ fails the record that asked.
class RefreshFunction {
 public:
  RefreshFunction(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp) : w_(w), s_(sp.name) {
    const std::string& version = plan.tables[sp.table].version;
    w.line("// {}", {comment_text(sp.node->text)});
    function_.emplace(w.block("bool Program::refresh_" + s_ + "()"));
    changed_.emplace(w.block("if (" + s_ + "_version_ != " + version + ")"));
    w.line("{}_version_ = {};", {s_, version});
    w.line("{}_failed_ = nullptr;", {s_});
  }
  ~RefreshFunction() {
    changed_.reset();
    {
      auto failed = w_.block("if (" + s_ + "_failed_ != nullptr) [[unlikely]]");
      w_.line("error_ = {}_failed_;", {s_});
      w_.line("return false;");
    }
    w_.line("return true;");
  }

 private:
  CodeWriter& w_;
  std::string s_;
  std::optional<CodeWriter::Block> function_, changed_;
};

// Builds the index of an indexed subquery: the rows that pass its filter on
// the table alone, grouped by the index columns (a row with a NULL there can
// match nothing and is left out).
void emit_index_refresh(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp) {
  const Subquery& sub = *sp.node->subquery;
  const Table& table = plan.tables[sp.table];
  const SourcePlan& src = plan.sources[table.source];
  const std::string& s = sp.name;
  RefreshFunction refresh(w, plan, sp);
  w.line("{}_index_.clear();", {s});
  w.line("{}_rows_.clear();", {s});
  w.line("{}_entries_.clear();", {s});
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
}

// A scalar subquery's aggregate over the rows that pass its WHERE.
void emit_aggregate_refresh(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp) {
  const Expr& e = *sp.node;
  const Subquery& sub = *e.subquery;
  const std::string acc = subquery_accumulator(sp);
  RefreshFunction refresh(w, plan, sp);
  w.line("{} = {};", {acc, "{}"});
  emit_table_pass(w, plan, sp, sub.condition.get(), [&](ExprEmitter& emitter) {
    Value v;
    if (!sub.count_star) v = emitter.emit(*sub.value);
    emit_accumulate(w, acc,
                    {.kind = *sub.aggregate,
                     .value = sub.count_star ? nullptr : &v,
                     .value_type = sub.count_star ? e.type : sub.value->type,
                     .result = e.type,
                     .skip = "return;",
                     .overflow = "{ " + sp.name + "_failed_ = " + cpp_c_string("overflow in '" + e.text + "'") +
                                 "; return; }"});
  });
}

// EXISTS, and the values of IN / ANY / ALL: the rows, the set of values,
// whether one is NULL, and their MIN and MAX.
void emit_values_refresh(CodeWriter& w, const Plan& plan, const SubqueryPlan& sp) {
  const Expr& e = *sp.node;
  const Subquery& sub = *e.subquery;
  const std::string& s = sp.name;
  bool values = e.op != ExprOp::Exists;
  RefreshFunction refresh(w, plan, sp);
  w.line("{}_rows_ = 0;", {s});
  if (values) {
    w.line("{}_has_null_ = false;", {s});
    w.line("{}_values_ = 0;", {s});
    w.line("{}_set_.clear();", {s});
  }
  emit_table_pass(w, plan, sp, sub.condition.get(), [&](ExprEmitter& emitter) {
    w.line("++{}_rows_;", {s});
    if (!values) return;
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
  });
}

}  // namespace

void emit_subquery_refresh(CodeWriter& w, const Plan& plan) {
  for (const SubqueryPlan& sp : plan.subqueries) {
    const Subquery& sub = *sp.node->subquery;
    if (sub.keyed) continue;
    if (sub.indexed) {
      emit_index_refresh(w, plan, sp);
    } else if (sp.node->op == ExprOp::ScalarSubquery) {
      emit_aggregate_refresh(w, plan, sp);
    } else {
      emit_values_refresh(w, plan, sp);
    }
  }
}

}  // namespace streamc
