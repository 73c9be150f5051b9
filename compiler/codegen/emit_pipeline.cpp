// A pipeline's fused per-record function: its operators, in the plan's
// order, each written by its own file (pipeline_context.h).
#include "codegen/emit_pipeline.h"

#include "codegen/cpp_literals.h"
#include "codegen/emit_analytic.h"
#include "codegen/emit_group.h"
#include "codegen/emit_hold.h"
#include "codegen/emit_source.h"
#include "codegen/pipeline_context.h"
#include "util/strings.h"

namespace streamc {
namespace {

void emit_operator(PipelineContext& ctx, const Operator& op) {
  switch (op.kind) {
    case OpKind::Scan: break;  // the record is the function's argument `r`
    case OpKind::Limit: emit_limit(ctx); break;
    case OpKind::Filter: emit_filter(ctx, *ctx.pipeline.filters[op.index]); break;
    case OpKind::Lookup: emit_lookup(ctx, op.index); break;
    case OpKind::Project: emit_project(ctx); break;
    case OpKind::Sink: emit_sink(ctx); break;
    case OpKind::Aggregate: emit_aggregate(ctx); break;
    case OpKind::Emit: break;  // with EMIT FINAL, the operators after it run in emit_groups_function
    case OpKind::Having: emit_having(ctx); break;
    case OpKind::Analytic: emit_analytic(ctx); break;
    case OpKind::WindowAssign: emit_window_assign(ctx); break;
    case OpKind::Watermark: emit_watermark(ctx); break;
    case OpKind::Hold: emit_hold(ctx); break;  // the operators after it run in the write function
  }
}

// Whether the operators after Emit run in a function of their own: once the
// input has ended (EMIT FINAL), or per group of a window.
bool emits_at_end(const Pipeline& p) {
  return p.grouping && (p.grouping->emit == Emit::Final || p.grouping->window);
}

// Whether the operators after `op` run in a function of their own: after
// Emit when the groups are written later, after Hold (LEAD) always.
bool ends_here(const Pipeline& p, const Operator& op) {
  return (op.kind == OpKind::Emit && emits_at_end(p)) || op.kind == OpKind::Hold;
}

}  // namespace

void emit_pipeline_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline) {
  const Pipeline& q = pipeline;
  const Scan& scan = plan.scans[pipeline.scan];
  const SourcePlan& src = plan.sources[q.source];
  const SinkPlan& sink = pipeline.sink;
  std::string target = sink.kind == SinkKind::Stdout ? "stdout"
                       : sink.kind == SinkKind::Table ? "the table " + comment_text(sink.name)
                                                      : comment_text(sink.name);
  w.line("// {} → {}", {comment_text("FROM " + src.name), target});
  std::string found = pipeline.batched() ? ", const " + found_type(scan) + "& found" : "";
  {
    // A pipeline that aggregates in lanes runs in the lane of the thread that parsed the record.
    const LanePlan* lane = plan.lane_of(pipeline);
    const std::string owner = lane ? lane->type : "Program";
    auto fn = w.block("Step " + owner + "::" + pipeline.function + "(const " + scan.row_type + "& r" + found + ")");
    int counter = 0;
    std::vector<RowRef> rows = {{"r.", &scan}};
    for (const Lookup& l : pipeline.lookups) rows.push_back({l.var + "->", &plan.tables[l.table]});
    ExprEmitter emitter(w, rows, counter);
    emitter.set_plan(&plan);
    PipelineContext ctx{w, plan, pipeline, emitter};
    bool ended = false;
    for (const Operator& op : pipeline.operators) {
      emit_operator(ctx, op);
      ended = ends_here(pipeline, op);
      if (ended) break;
    }
    if (!pipeline.holding || !ended) w.line("return Step::Next;");  // Hold returns itself
  }
  if (!emits_at_end(pipeline) && !pipeline.holding) return;
  w.blank();
  auto rest = [&](PipelineContext& later) {
    bool after = false;
    for (const Operator& op : pipeline.operators) {
      if (after) emit_operator(later, op);
      after = after || ends_here(pipeline, op);
    }
  };
  if (pipeline.holding) {
    emit_held_functions(w, plan, pipeline, rest);
  } else if (pipeline.grouping->window) {
    emit_window_functions(w, plan, pipeline, rest);
  } else {
    emit_groups_function(w, plan, pipeline, rest);
  }
}

// RIGHT / FULL JOIN: a row of the right table that no row matched comes out
// with every column of the left table NULL.
void emit_unmatched_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline) {
  const Lookup& lookup = pipeline.lookups[0];
  const Table& right = plan.tables[lookup.table];
  const Scan& scan = plan.scans[pipeline.scan];
  const Table& left = plan.tables[scan.reads_table];
  w.line("// The rows of the right table that no row of the left one matched.");
  auto fn = w.block("Step Program::" + pipeline.unmatched_function + "(const " + right.row_type + "& row)");
  w.line("if ({}.find({}) != nullptr) return Step::Next;", {pipeline.matched_keys, key_of_row(plan, right, "row.")});
  w.line("const {}* {} = &row;", {right.row_type, lookup.var});
  int counter = 0;
  ExprEmitter emitter(w, {{"streamc::kMissingRow<" + left.row_type + ">.", &scan}, {lookup.var + "->", &right}},
                      counter);
  emitter.set_plan(&plan);
  // The left table's columns are all NULL: every operator but the scan and
  // the lookups runs as in the main pass.
  PipelineContext ctx{w, plan, pipeline, emitter};
  ctx.unmatched = true;
  for (const Operator& op : pipeline.operators) {
    if (op.kind != OpKind::Scan && op.kind != OpKind::Lookup) emit_operator(ctx, op);
    if (ends_here(pipeline, op)) {
      // the groups come out at the end; a held record, once its LEADs are known
      if (op.kind == OpKind::Emit) w.line("return Step::Next;");
      return;
    }
  }
  w.line("return Step::Next;");
}

}  // namespace streamc
