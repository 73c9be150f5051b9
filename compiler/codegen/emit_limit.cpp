// The Limit operator: once a pipeline has written LIMIT records, the rest
// are skipped before any work (the Sink counts what it writes).
#include "codegen/pipeline_context.h"

namespace streamc {

void emit_limit(PipelineContext& ctx) {
  const Pipeline& p = ctx.pipeline;
  ctx.w.line("if ({} >= {}) return Step::Next;  // LIMIT reached", {p.limit_counter, std::to_string(*p.limit)});
}

}  // namespace streamc
