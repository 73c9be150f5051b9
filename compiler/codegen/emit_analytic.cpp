// Row analytics in a pipeline: LAG(x, k, default) OVER (PARTITION BY ...)
// reads its partition's ring of the last k values of x (streamc::Recent),
// then adds this record's. The select list reads the result by AnalyticRef.
#include "codegen/emit_analytic.h"

#include "codegen/cpp_literals.h"
#include "codegen/emit_group.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(size_t n) { return std::to_string(n); }

// A Lag node's args: the value, the default, then the partition keys.
std::span<const ExprPtr> partition_keys(const Expr& lag) { return std::span<const ExprPtr>(lag.args).subspan(2); }

}  // namespace

std::string analytic_buffer_type(const Analytic& a) {
  return "streamc::Recent<" + a.lag->type.cpp_type() + ", " + str(a.lag->column) + ">";
}

void emit_analytic_types(CodeWriter& w, const Pipeline& p) {
  for (const Analytic& a : p.analytics) {
    w.line("// The partitions of {}.", {comment_text(a.lag->text)});
    w.line("using {} = {};", {a.key_type, null_keyed_type(partition_keys(*a.lag))});
  }
}

void emit_analytic(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  std::vector<Value> results;
  for (size_t i = 0; i < ctx.pipeline.analytics.size(); ++i) {
    const Analytic& a = ctx.pipeline.analytics[i];
    const Expr& lag = *a.lag;
    w.line("// {}", {comment_text(lag.text)});
    std::vector<Value> keys;
    const std::string key = null_keyed_values(ctx.emitter, partition_keys(lag), keys);
    const Value value = ctx.emitter.emit(*lag.args[0]);
    const Value fallback = ctx.emitter.emit(*lag.args[1]);
    const std::string buffer = "recent" + str(i);
    const std::string out = "lag" + str(i);
    w.line("auto& {} = {}.find_or_insert({}({}));", {buffer, a.member, a.key_type, key});
    w.line("{} {} = {};", {lag.type.cpp_type(), out, default_value(lag.type)});
    w.line("bool {}_null = false;", {out});
    // Fewer than k records before this one in the partition: the default.
    {
      auto none = w.block("if (!" + buffer + ".get(" + str(lag.column) + ", " + out + ", " + out + "_null))");
      w.line("{} = {};", {out, fallback.code});
      w.line("{}_null = {};", {out, fallback.nullable() ? fallback.null : "false"});
    }
    w.line("{}.push({}, {});", {buffer, value.code, value.nullable() ? value.null : "false"});
    results.push_back({out, out + "_null"});
  }
  ctx.emitter.set_analytics(std::move(results));
}

}  // namespace streamc
