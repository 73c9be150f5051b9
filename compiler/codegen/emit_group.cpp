// GROUP BY in a pipeline: the struct of a group's accumulators; the
// Aggregate operator (the record into its group); Having; and for EMIT
// FINAL the function that writes each group once the input has ended. What
// follows Emit reads the group through the emitter's GroupKey and
// AggregateRef values.
#include "codegen/emit_group.h"

#include <optional>

#include "codegen/cpp_literals.h"
#include "codegen/emit_aggregate.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(size_t n) { return std::to_string(n); }

// An aggregate that keeps a VARCHAR value of its own (not COUNT or SUM of it).
bool owns_string(const Expr& a) {
  return a.type.id == TypeId::Varchar &&
         (a.agg == AggKind::Min || a.agg == AggKind::Max || is_positional(a.agg) || a.agg == AggKind::StringAgg);
}

// What the select list and HAVING read: the aggregates of the group `g`.
std::vector<Value> aggregate_values(const Grouping& g, const std::string& group) {
  std::vector<Value> out;
  for (size_t j = 0; j < g.aggregates.size(); ++j) {
    out.push_back(accumulator_result(g.aggregates[j]->agg, group + ".a" + str(j)));
  }
  return out;
}

// The row a group that stops qualifying leaves behind: its keys (and its
// window's bounds), every other column NULL.
std::vector<Value> delete_row(const Pipeline& p, ExprEmitter& emitter) {
  std::vector<Value> out;
  for (const OutputPlan& c : p.columns) {
    if (c.expr->op == ExprOp::GroupKey || c.expr->op == ExprOp::WindowBound) {
      out.push_back(emitter.emit(*c.expr));
    } else {
      out.push_back({default_value(c.expr->type), "true"});
    }
  }
  return out;
}

}  // namespace

void read_group(PipelineContext& ctx) {
  const Grouping& g = *ctx.pipeline.grouping;
  for (size_t i = 0; i < g.keys.size(); ++i) {
    const std::string value = "std::get<" + str(2 * i + 1) + ">(key)";
    ctx.group_keys.push_back({value, g.keys[i]->nullable ? "std::get<" + str(2 * i) + ">(key)" : ""});
  }
  ctx.emitter.set_group(ctx.group_keys, aggregate_values(g, "g"));
}

std::string null_keyed_type(std::span<const ExprPtr> exprs) {
  std::vector<std::string> parts;
  for (const auto& e : exprs) {
    parts.push_back("bool");
    parts.push_back(e->type.cpp_type());
  }
  if (parts.empty()) parts.push_back("bool");  // no key: one group, one partition
  return "std::tuple<" + join(parts, ", ") + ">";
}

std::string null_keyed_values(ExprEmitter& emitter, std::span<const ExprPtr> exprs, std::vector<Value>& keys) {
  std::vector<std::string> parts;
  for (const auto& e : exprs) {
    Value v = emitter.emit(*e);
    keys.push_back(v);
    // A NULL key's value is the type's default, so that all NULL keys are equal.
    parts.push_back(v.nullable() ? v.null : "false");
    parts.push_back(v.nullable() ? v.null + " ? " + default_value(e->type) + " : " + v.code : v.code);
  }
  if (parts.empty()) parts.push_back("false");
  return join(parts, ", ");
}

void emit_group_struct(CodeWriter& w, const Plan& plan, const Pipeline& p) {
  const Grouping& g = *p.grouping;
  std::vector<std::string> keys;
  for (const auto& k : g.keys) keys.push_back(k->text);
  w.line("// The groups of {} by ({}): (is NULL, value) per key, so NULL keys form one group.",
         {comment_text(p.name), comment_text(join(keys, ", "))});
  w.line("using {} = {};", {g.key_type, null_keyed_type(g.keys)});
  for (size_t j = 0; j < g.aggregates.size(); ++j) {
    const std::string& type = g.distinct_sets[j].second;
    if (type.empty()) continue;
    // The group's key and the value: (is NULL, value) per key, then the value (never NULL: not counted);
    // in a window, first the window's end.
    std::string parts = null_keyed_type(g.keys);
    parts = parts.substr(0, parts.size() - 1) + ", " + g.aggregates[j]->args[0]->type.cpp_type() + ">";
    if (g.window) parts = "std::tuple<int64_t, " + parts.substr(std::string("std::tuple<").size());
    w.line("using {} = {};  // {}", {type, parts, comment_text(g.aggregates[j]->text)});
  }
  {
    auto s = w.block("struct " + g.group_type, "};");
    for (size_t j = 0; j < g.aggregates.size(); ++j) {
      const Expr& a = *g.aggregates[j];
      const SqlType value = a.args.empty() ? a.type : a.args[0]->type;
      w.line("{} a{};  // {}", {accumulator_type(a.agg, a.type, value), str(j), comment_text(a.text)});
    }
    w.line("uint64_t seq = 0;      // the order in which the groups first appeared");
    w.line("bool emitted = false;  // its row is written (a HAVING that turns false writes a delete)");
  }
  // The strings a group keeps (MIN, MAX, FIRST, LAST of a VARCHAR) are the table's: it finds them here.
  std::vector<std::string> strings;
  for (size_t j = 0; j < g.aggregates.size(); ++j) {
    if (owns_string(*g.aggregates[j])) strings.push_back("f(g.a" + str(j) + ".value);");
  }
  w.line("template <class F>");
  if (strings.empty()) {
    w.line("void visit_strings({}&, F&&) {}", {g.group_type});
  } else {
    auto fn = w.block("void visit_strings(" + g.group_type + "& g, F&& f)");
    for (const auto& s : strings) w.line(s);
  }
  if (plan.lane_of(p)) {
    w.line("// The same group from two threads' lanes becomes one: false when a SUM overflows.");
  } else if (g.window && g.window->kind == WindowKind::Session) {
    w.line("// Two sessions a record bridges become one: false when a SUM overflows.");
  } else {
    return;
  }
  auto fn = w.block("[[maybe_unused]] bool merge(" + g.group_type + "& into, const " + g.group_type + "& from)");
  std::vector<std::string> parts;
  for (size_t j = 0; j < g.aggregates.size(); ++j) parts.push_back("into.a" + str(j) + ".merge(from.a" + str(j) + ")");
  w.line("return {};", {parts.empty() ? std::string("true") : join(parts, " && ")});
}

void emit_aggregate(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  const Grouping& g = *ctx.pipeline.grouping;
  std::vector<std::string> texts;
  for (const auto& k : g.keys) texts.push_back(k->text);
  w.line("// GROUP BY {}", {comment_text(join(texts, ", "))});
  const std::string key = null_keyed_values(ctx.emitter, g.keys, ctx.group_keys);
  std::optional<CodeWriter::Block> windows;
  if (g.window) {
    w.line("const {} key({});", {g.key_type, key});
    emit_window_group(ctx, windows);
  } else if (ctx.plan.lane_of(ctx.pipeline)) {
    // A new group notes where in the input it first appeared: the lanes merge in that order.
    w.line("{}& g = streamc::find_group({}, {}({}), position);", {g.group_type, g.member, g.key_type, key});
  } else {
    w.line("{}& g = streamc::find_group({}, {}({}));", {g.group_type, g.member, g.key_type, key});
  }
  if (g.emit == Emit::Changes && ctx.pipeline.sink.op_column && !(g.window && g.window->kind == WindowKind::Session)) {
    // 'changelog' = 'op': a group written before is retracted as it was (-U) before the record changes it.
    if (g.window) ctx.emitter.set_window({"window.start", ""}, {"window.end", ""});
    ctx.emitter.set_group(ctx.group_keys, aggregate_values(g, "g"));
    auto was = w.block("if (g.emitted)");
    emit_row(ctx, "\"-U\"sv");
  }
  for (size_t j = 0; j < g.aggregates.size(); ++j) {
    // args: the value (COUNT(*): TRUE), then the FILTER condition, if any.
    const Expr& a = *g.aggregates[j];
    std::optional<CodeWriter::Block> only;
    if (a.args.size() > 1) {
      w.line("// {}", {comment_text(a.text)});
      only.emplace(w.block("if (" + ctx.emitter.emit_condition(*a.args[1]) + ")"));
    }
    AggregateInput in{a.agg};
    in.result = a.type;
    const Value v = ctx.emitter.emit(*a.args[0]);
    in.value = &v;
    in.value_type = a.args[0]->type;
    const char* what = a.type.id == TypeId::Decimal ? "decimal" : "integer";
    in.overflow = "return fail(" + cpp_c_string(std::string(what) + " overflow in '" + a.text + "'") + ");";
    if (owns_string(a)) in.owner = g.member;
    if (ctx.plan.lane_of(ctx.pipeline)) in.arrival = "position";
    if (a.agg == AggKind::StringAgg) in.separator = std::get<std::string>(a.literal);
    if (a.agg == AggKind::CountDistinct) {
      in.distinct_set = g.distinct_sets[j].first;
      in.distinct_key = g.distinct_sets[j].second + "(" + (g.window ? "window.end, " : "") + key + ", " + v.code + ")";
      if (g.window) in.distinct_window = "window.end";
    }
    emit_accumulate(w, "g.a" + str(j), in);
  }
  if (g.window && g.emit == Emit::Changes) {
    w.line("// EMIT CHANGES: the group's new row in this window.");
    w.line("if (const Step step = {}(window, key, g); step != Step::Next) return step;", {g.window->row_function});
  }
  ctx.emitter.set_group(ctx.group_keys, aggregate_values(g, "g"));
}

void emit_row(PipelineContext& ctx, const std::string& op) {
  std::vector<Value> values = std::move(ctx.values);
  ctx.values.clear();
  emit_project(ctx);
  ctx.op = op;
  emit_sink(ctx);
  ctx.op.clear();
  ctx.values = std::move(values);
}

void emit_delete(PipelineContext& ctx) {
  ctx.values = delete_row(ctx.pipeline, ctx.emitter);
  emit_sink(ctx);
  ctx.values.clear();
}

void emit_having(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  const Grouping& g = *ctx.pipeline.grouping;
  w.line("// HAVING {}", {comment_text(g.having->text)});
  std::string cond = ctx.emitter.emit_condition(*g.having);
  if (g.emit == Emit::Final) {
    w.line("if (!({})) return Step::Next;", {cond});
    return;
  }
  if (ctx.pipeline.sink.op_column) {
    // 'changelog' = 'op': the group's row as it was is retracted (-U) already.
    auto fails = w.block("if (!(" + cond + "))");
    w.line("g.emitted = false;");
    w.line("return Step::Next;");
    return;
  }
  {
    auto fails = w.block("if (!(" + cond + "))");
    {
      auto was = w.block("if (g.emitted)");
      w.line("// The group no longer qualifies: its key with every other column NULL deletes it.");
      w.line("g.emitted = false;");
      emit_delete(ctx);
    }
    w.line("return Step::Next;");
  }
  w.line("g.emitted = true;");
}

void emit_groups_function(CodeWriter& w, const Plan& plan, const Pipeline& p,
                          const std::function<void(PipelineContext&)>& rest) {
  const Grouping& g = *p.grouping;
  w.line("// EMIT FINAL: each group of {} once every stream has ended, in the order they first appeared.",
         {comment_text(p.name)});
  auto fn = w.block("bool Program::" + g.emit_function + "()");
  const LanePlan* lane = plan.lane_of(p);
  w.line("return streamc::emit_groups(*this, {}, [this](const {}& key, {}& g) {",
         {lane ? lane->member + "." + g.member : g.member, g.key_type, g.group_type});
  w.indent();
  int counter = 0;
  ExprEmitter emitter(w, {}, counter);
  emitter.set_plan(&plan);
  PipelineContext ctx{w, plan, p, emitter};
  read_group(ctx);
  rest(ctx);
  w.line("return Step::Next;");
  w.dedent();
  w.line("});");
}

}  // namespace streamc
