// GROUP BY in a pipeline (emit_group.cpp): the struct of a group's
// accumulators and its key type, the Aggregate and Having operators, and the
// function that writes each group once the input has ended (EMIT FINAL).
#pragma once

#include <functional>

#include "codegen/code_writer.h"
#include "codegen/pipeline_context.h"
#include "plan/plan.h"

namespace streamc {

// Before Program: `using Groups0Key = std::tuple<...>;` and `struct Groups0`.
void emit_group_struct(CodeWriter& w, const Pipeline& pipeline);
// The record into its group `g`; what follows reads the group.
void emit_aggregate(PipelineContext& ctx);
// A group that does not qualify goes no further (with EMIT CHANGES, one that
// did qualify before is deleted from the output).
void emit_having(PipelineContext& ctx);
// bool Program::emit_groups_0(): `rest` writes the operators after Emit for one group.
void emit_groups_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline,
                          const std::function<void(PipelineContext&)>& rest);

}  // namespace streamc
