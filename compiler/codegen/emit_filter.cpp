// The Filter operator: one WHERE conjunct, where the planner placed it.
#include "codegen/cpp_literals.h"
#include "codegen/pipeline_context.h"

namespace streamc {

void emit_filter(PipelineContext& ctx, const Expr& condition) {
  ctx.w.line("// WHERE {}", {comment_text(condition.text)});
  std::string cond = ctx.emitter.emit_condition(condition);
  ctx.w.line("if (!({})) return Step::Next;", {cond});
}

}  // namespace streamc
