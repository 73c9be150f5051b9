// Per query: the fused per-record function (filter → projection → write)
// and the sink it writes to.
#pragma once

#include <string>
#include <vector>

#include "codegen/code_writer.h"
#include "plan/plan.h"

namespace streamc {

// One Writer per distinct sink; pipelines writing to stdout share one.
struct SinkSlot {
  std::string member;  // out_stdout_
  const SinkPlan* sink;
};

std::vector<SinkSlot> sink_slots(const Plan& plan);

void emit_pipeline_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline);
void emit_unmatched_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline);
// The first line of a CSV sink, naming its columns; empty for other formats.
std::string csv_header(const Plan& plan, const SinkSlot& slot);

}  // namespace streamc
