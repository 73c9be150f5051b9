// Row analytics in a pipeline. Each reads its partition's state (a
// HashTable by partition key), computes the record's value and adds the
// record: LAG reads the ring of the last k values (streamc::Recent);
// ROW_NUMBER counts; RANK and DENSE_RANK compare the ORDER BY values with
// the row before; FIRST_VALUE and NTH_VALUE keep the n-th value, or read a
// frame's ring; running aggregates add to an accumulator, or run one over a
// frame's ring. The select list reads the results by AnalyticRef.
#include "codegen/emit_analytic.h"

#include "codegen/cpp_literals.h"
#include "codegen/emit_aggregate.h"
#include "codegen/emit_group.h"
#include "util/strings.h"

namespace streamc {
std::span<const ExprPtr> partition_keys(const Analytic& a) {
  return std::span<const ExprPtr>(a.node->args)
      .subspan(static_cast<size_t>(a.partition_from), static_cast<size_t>(a.partition_count));
}

namespace {

std::string str(int64_t n) { return std::to_string(n); }

// EXPIRE AFTER or EMIT ON BUFFER FULL: the partitions keep their last event time and their rows.
bool tracked(const Expr& e) { return e.expire > 0 || e.emit_when_rows > 0; }

// Whether the analytic reads a ring of the frame's last rows.
bool reads_frame(const Expr& e) {
  return e.op == ExprOp::Over && e.column >= 0 &&
         (e.analytic == AnalyticKind::FirstValue || e.analytic == AnalyticKind::Running);
}

std::string value_type(const Expr& e) { return e.args[0]->type.cpp_type(); }

// out = the aggregate of the values in `ring`, as one pass of an accumulator.
void emit_frame_aggregate(PipelineContext& ctx, const Expr& e, const std::string& ring, const std::string& out) {
  CodeWriter& w = ctx.w;
  w.line("{} {};", {accumulator_type(e.agg, e.type, e.args[0]->type), out});
  auto loop = w.block("for (size_t back = 1; back <= " + ring + ".size(); ++back)");
  w.line("{} v{{}};", {value_type(e)});
  w.line("bool v_null = false;");
  w.line("{}.get(back, v, v_null);", {ring});
  const Value v{"v", "v_null"};
  AggregateInput in{e.agg};
  in.result = e.type;
  in.value = &v;
  in.value_type = e.args[0]->type;
  in.skip = "continue;";
  const char* what = e.type.id == TypeId::Decimal ? "decimal" : "integer";
  in.overflow = "return fail(" + cpp_c_string(std::string(what) + " overflow in '" + e.text + "'") + ");";
  emit_accumulate(w, out, in);
}

// The Lag node's value for the record, then the record into the ring.
Value emit_lag(PipelineContext& ctx, const Expr& lag, const std::string& state, const std::string& out,
               const std::string& member) {
  CodeWriter& w = ctx.w;
  const Value value = ctx.emitter.emit(*lag.args[0]);
  const Value fallback = ctx.emitter.emit(*lag.args[1]);
  w.line("{} {} = {};", {lag.type.cpp_type(), out, default_value(lag.type)});
  w.line("bool {}_null = false;", {out});
  // Fewer than k records before this one in the partition: the default.
  {
    auto none = w.block("if (!" + state + ".get(" + str(lag.column) + ", " + out + ", " + out + "_null))");
    w.line("{} = {};", {out, fallback.code});
    w.line("{}_null = {};", {out, fallback.nullable() ? fallback.null : "false"});
  }
  if (lag.type.id == TypeId::Varchar) {
    // A text: the record's own copy first (owning the pushed one may move the table's strings), then the
    // partitions' table's copy of the new value into the ring.
    w.line("{} = arena_.copy({});", {out, out});
    w.line("{}.push({}.own({}, {}.replaced()), {});",
           {state, member, value.code, state, value.nullable() ? value.null : "false"});
  } else {
    w.line("{}.push({}, {});", {state, value.code, value.nullable() ? value.null : "false"});
  }
  return {out, out + "_null"};
}

Value emit_over(PipelineContext& ctx, const Analytic& a, const std::string& state, const std::string& out) {
  CodeWriter& w = ctx.w;
  const Expr& e = *a.node;
  switch (e.analytic) {
    case AnalyticKind::RowNumber:
      w.line("const int64_t {} = {}.next();", {out, state});
      return {out, ""};
    case AnalyticKind::Rank:
    case AnalyticKind::DenseRank:
    case AnalyticKind::PercentRank:  // its RANK, held with the record: the fraction needs the partition's size
    case AnalyticKind::CumeDist: {
      std::vector<Value> keys;
      const std::string order = null_keyed_values(ctx.emitter, std::span<const ExprPtr>(e.args).first(e.column), keys);
      w.line("{}.add({}({}));", {state, null_keyed_type(std::span<const ExprPtr>(e.args).first(e.column)), order});
      return {state + (e.analytic == AnalyticKind::DenseRank ? ".dense" : ".rank"), ""};
    }
    case AnalyticKind::Ntile: return {};  // the Hold operator's
    case AnalyticKind::LastValue: return ctx.emitter.emit(*e.args[0]);  // the frame ends at this row
    case AnalyticKind::FirstValue:
    case AnalyticKind::NthValue:
    case AnalyticKind::Running: break;
  }
  const Value value = ctx.emitter.emit(*e.args[0]);
  const std::string null = value.nullable() ? value.null : "false";
  if (reads_frame(e)) {
    w.line("{}.push({}, {});", {state, value.code, null});
    if (e.analytic == AnalyticKind::FirstValue) {  // the oldest row of the frame
      w.line("{} {} = {};", {e.type.cpp_type(), out, default_value(e.type)});
      w.line("bool {}_null = false;", {out});
      w.line("{}.get({}.size(), {}, {}_null);", {state, state, out, out});
      return {out, out + "_null"};
    }
    emit_frame_aggregate(ctx, e, state, out);
    return accumulator_result(e.agg, out);
  }
  if (e.analytic == AnalyticKind::Running) {
    AggregateInput in{e.agg};
    in.result = e.type;
    in.value = &value;
    in.value_type = e.args[0]->type;
    const char* what = e.type.id == TypeId::Decimal ? "decimal" : "integer";
    in.overflow = "return fail(" + cpp_c_string(std::string(what) + " overflow in '" + e.text + "'") + ");";
    if (e.agg == AggKind::Count && e.args[0]->is_literal()) in.value = nullptr;  // COUNT(*)
    emit_accumulate(w, state, in);
    return accumulator_result(e.agg, state);
  }
  // FIRST_VALUE and NTH_VALUE over every row so far: the n-th value pushed.
  const int64_t n = e.analytic == AnalyticKind::FirstValue ? 1 : e.column;
  w.line("{}.push({}, {}, {});", {state, str(n), value.code, null});
  w.line("{} {} = {};", {e.type.cpp_type(), out, default_value(e.type)});
  w.line("bool {}_null = true;", {out});
  w.line("{}.get({}, {}, {}_null);", {state, str(n), out, out});
  return {out, out + "_null"};
}

}  // namespace

std::string analytic_buffer_type(const Analytic& a) {
  const Expr& e = *a.node;
  if (e.op == ExprOp::Lag) return "streamc::Recent<" + e.type.cpp_type() + ", " + str(e.column) + ">";
  if (reads_frame(e)) return "streamc::Recent<" + value_type(e) + ", " + str(e.column + 1) + ">";
  switch (e.analytic) {
    case AnalyticKind::RowNumber: return "streamc::RowCount";
    case AnalyticKind::Rank:
    case AnalyticKind::DenseRank:
    case AnalyticKind::PercentRank:
    case AnalyticKind::CumeDist:
      return "streamc::Ranks<" + null_keyed_type(std::span<const ExprPtr>(e.args).first(e.column)) + ">";
    case AnalyticKind::FirstValue:
    case AnalyticKind::NthValue: return "streamc::NthSeen<" + value_type(e) + ">";
    case AnalyticKind::Running: return accumulator_type(e.agg, e.type, e.args[0]->type);
    case AnalyticKind::LastValue: return "streamc::RowCount";  // only tracked partitions keep one
    case AnalyticKind::Ntile: return "void";                    // the records are held (emit_hold.cpp)
  }
  return "void";
}

std::string analytic_member(const Analytic& a) {
  if (!tracked(*a.node)) return "streamc::HashTable<" + a.key_type + ", " + analytic_buffer_type(a) + "> " + a.member;
  return "streamc::Partitions<" + a.key_type + ", " + analytic_buffer_type(a) + "> " + a.member + "{" +
         str(a.node->expire) + "}";
}

void emit_analytic_types(CodeWriter& w, const Pipeline& p) {
  for (const Analytic& a : p.analytics) {
    if (a.member.empty()) continue;
    w.line("// The partitions of {}.", {comment_text(a.node->text)});
    w.line("using {} = {};", {a.key_type, null_keyed_type(partition_keys(a))});
  }
}

void emit_analytic(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  std::vector<Value> results;
  std::vector<std::string> not_full;  // EMIT ON BUFFER FULL: partitions that hold fewer rows
  for (size_t i = 0; i < ctx.pipeline.analytics.size(); ++i) {
    const Analytic& a = ctx.pipeline.analytics[i];
    const Expr& e = *a.node;
    if (e.op == ExprOp::Lead || (e.op == ExprOp::Over && e.analytic == AnalyticKind::Ntile)) {
      // known once later records come: the Hold operator's
      results.push_back({});
      continue;
    }
    w.line("// {}", {comment_text(e.text)});
    std::string state;
    if (!a.member.empty()) {
      std::vector<Value> keys;
      const std::string key = null_keyed_values(ctx.emitter, partition_keys(a), keys);
      state = (e.op == ExprOp::Lag ? "recent" : "state") + str(static_cast<int64_t>(i));
      if (tracked(e)) {
        // The partition at the record's event time (EXPIRE AFTER drops the ones idle for longer first).
        std::string time = "0";
        if (e.expire > 0) {
          const Value t = ctx.emitter.emit(*e.args.back());
          if (t.nullable()) {
            w.line("if ({}) return fail({});",
                   {t.null, cpp_c_string("the event time '" + e.args.back()->text + "' of EXPIRE AFTER is NULL")});
          }
          time = t.code;
        }
        const std::string part = "partition" + str(static_cast<int64_t>(i));
        w.line("auto& {} = {}.at({}({}), {});", {part, a.member, a.key_type, key, time});
        w.line("auto& {} = {}.state;", {state, part});
        if (e.emit_when_rows > 0) not_full.push_back(part + ".rows < " + str(e.emit_when_rows));
      } else {
        w.line("auto& {} = {}.find_or_insert({}({}));", {state, a.member, a.key_type, key});
      }
    }
    const std::string out = (e.op == ExprOp::Lag ? "lag" : "over") + str(static_cast<int64_t>(i));
    results.push_back(e.op == ExprOp::Lag ? emit_lag(ctx, e, state, out, a.member) : emit_over(ctx, a, state, out));
  }
  if (!not_full.empty()) {
    w.line("// EMIT ON BUFFER FULL: the record is written once its partition's buffer is full.");
    w.line("if ({}) return Step::Next;", {join(not_full, " || ")});
  }
  ctx.emitter.set_analytics(std::move(results));
}

}  // namespace streamc
