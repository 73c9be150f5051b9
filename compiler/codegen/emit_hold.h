// LEAD, PERCENT_RANK, CUME_DIST and NTILE in a pipeline (emit_hold.cpp): a
// record is held in its partition until they are known (LEAD: the k-th
// later record has come; the others: the input has ended), then the rest of
// the pipeline writes it.
#pragma once

#include <functional>
#include <string>

#include "codegen/code_writer.h"
#include "codegen/pipeline_context.h"
#include "plan/plan.h"

namespace streamc {

// Before Program: the partition key type and the struct of a held record.
void emit_held_types(CodeWriter& w, const Pipeline& pipeline);
// streamc::HeldRing<Held0, 3>: one partition's held records.
std::string held_ring_type(const Holding& holding);
// The Program member: `streamc::HeldRecords<Held0Key, Held0, 3> held_0_`.
std::string held_member(const Holding& holding);
// The Hold operator: the record's held values into its partition; the
// oldest held record is written once the record its LEADs need has come.
void emit_hold(PipelineContext& ctx);
// write_held_0 (the held record's LEADs, then `rest`: the operators after
// Hold) and flush_held_0 (at end of input, the records still held).
void emit_held_functions(CodeWriter& w, const Plan& plan, const Pipeline& pipeline,
                         const std::function<void(PipelineContext&)>& rest);

}  // namespace streamc
