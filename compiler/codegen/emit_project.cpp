// The Project operator: the select list, computed in full before anything
// is written, so a failing expression never leaves half a record in the output.
#include "codegen/cpp_literals.h"
#include "codegen/pipeline_context.h"

namespace streamc {

void emit_project(PipelineContext& ctx) {
  for (const OutputPlan& c : ctx.pipeline.columns) {
    if (c.expr->op != ExprOp::Column && c.expr->op != ExprOp::Literal) {
      ctx.w.line("// {}", {comment_text(c.name + " = " + c.expr->text)});
    }
    ctx.values.push_back(ctx.emitter.emit(*c.expr));
  }
}

}  // namespace streamc
