// Row analytics (LAG ... OVER) in a pipeline (emit_analytic.cpp): the
// partition key types, the Analytic operator and the state's C++ type.
#pragma once

#include <span>
#include <string>

#include "codegen/code_writer.h"
#include "codegen/pipeline_context.h"
#include "plan/plan.h"

namespace streamc {

// The partition keys among the node's args.
std::span<const ExprPtr> partition_keys(const Analytic& analytic);
// Before Program: `using Lag0_0Key = std::tuple<...>;` per analytic.
void emit_analytic_types(CodeWriter& w, const Pipeline& pipeline);
// streamc::Recent<int64_t, 1>: what a partition keeps.
std::string analytic_buffer_type(const Analytic& analytic);
// The Program member's declaration: `streamc::HashTable<Lag0_0Key, ...> lag_0_0_`, or for
// partitions that expire or count their rows, `streamc::Partitions<...> over_0_1_{300000}`.
std::string analytic_member(const Analytic& analytic);
// Each analytic's value for the record, from its partition; then the record's value joins the partition.
void emit_analytic(PipelineContext& ctx);

}  // namespace streamc
