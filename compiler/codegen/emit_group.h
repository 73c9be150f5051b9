// GROUP BY in a pipeline (emit_group.cpp): the struct of a group's
// accumulators and its key type, the Aggregate and Having operators, and the
// function that writes each group once the input has ended (EMIT FINAL).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "codegen/code_writer.h"
#include "codegen/pipeline_context.h"
#include "plan/plan.h"

namespace streamc {

// A key of (is NULL, value) per expression, so that NULL keys are equal
// (GROUP BY keys, a LAG's partition): its C++ type, `std::tuple<bool>`
// without expressions; and its value for the record, `keys` receiving the
// expressions' values.
std::string null_keyed_type(std::span<const ExprPtr> exprs);
std::string null_keyed_values(ExprEmitter& emitter, std::span<const ExprPtr> exprs, std::vector<Value>& keys);

// Before Program: `using Groups0Key = std::tuple<...>;` and `struct Groups0`.
void emit_group_struct(CodeWriter& w, const Plan& plan, const Pipeline& pipeline);
// The record into its group `g`; what follows reads the group.
void emit_aggregate(PipelineContext& ctx);
// A group that does not qualify goes no further (with EMIT CHANGES, one that
// did qualify before is deleted from the output).
void emit_having(PipelineContext& ctx);
// What follows reads the group `g` whose key is the tuple `key`.
void read_group(PipelineContext& ctx);
// The row a group that no longer qualifies leaves: its key (and window), every other column NULL.
void emit_delete(PipelineContext& ctx);
// 'changelog' = 'op': the select list and the row written with `op` (a C++ std::string_view).
void emit_row(PipelineContext& ctx, const std::string& op);
// bool Program::emit_groups_0(): `rest` writes the operators after Emit for one group.
void emit_groups_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline,
                          const std::function<void(PipelineContext&)>& rest);

// emit_window.cpp: GROUP BY ... WINDOW.
// The record's event time; a record whose windows have all closed is late.
void emit_window_assign(PipelineContext& ctx);
// Aggregate in a window: `g`, the group of `key` in the record's session, or
// in each of its windows (`loop` receives the loop's block).
void emit_window_group(PipelineContext& ctx, std::optional<CodeWriter::Block>& loop);
// The event time moves the watermark: the windows it passes close.
void emit_watermark(PipelineContext& ctx);
// Step Program::emit_window_0(window, key, g): `rest` writes the operators
// after Emit for one group of a window; and with EMIT FINAL, bool
// Program::close_windows_0(), every window closed once the input has ended.
void emit_window_functions(CodeWriter& w, const Plan& plan, const Pipeline& pipeline,
                           const std::function<void(PipelineContext&)>& rest);

}  // namespace streamc
