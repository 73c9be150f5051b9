// What the operators of one pipeline function share while it is emitted:
// one file per operator (emit_filter.cpp, emit_lookup.cpp, emit_project.cpp,
// emit_sink.cpp, emit_limit.cpp) writes its step into the function.
#pragma once

#include <string>
#include <vector>

#include "codegen/code_writer.h"
#include "codegen/expression_emitter.h"
#include "plan/plan.h"

namespace streamc {

struct PipelineContext {
  CodeWriter& w;
  const Plan& plan;
  const Pipeline& pipeline;
  ExprEmitter& emitter;
  std::vector<Value> values;  // what Project computed, for Sink
  std::vector<Value> group_keys;  // GROUP BY: the group's key values, once Aggregate ran
  bool unmatched = false;     // the RIGHT / FULL JOIN pass over the right table's rows nothing matched
  // 'changelog' = 'op': the op the row is written with, a C++ std::string_view;
  // empty: the sink's usual one (+I, or +I / +U for a group's change).
  std::string op;
};

// A record that fails the condition goes no further.
void emit_filter(PipelineContext& ctx, const Expr& condition);
// Probes lookups[index]: INNER drops the record on a miss, LEFT goes on with the table's all-NULL row.
void emit_lookup(PipelineContext& ctx, int index);
// The select list, computed in full before anything is written.
void emit_project(PipelineContext& ctx);
// Writes the row, or upserts it into the table the pipeline fills; counts it for a LIMIT.
void emit_sink(PipelineContext& ctx);
// A LIMIT already reached skips the record.
void emit_limit(PipelineContext& ctx);

}  // namespace streamc
