// The Lookup operator: a stream-table join probes the table by its key (or
// takes the row the scan's grouped probe found), then checks the rest of ON.
#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
#include "codegen/pipeline_context.h"
#include "util/strings.h"

namespace streamc {

// Probes a table for a join: INNER drops the record on a miss, LEFT goes on
// with the table's all-NULL row. A NULL in the key never matches.
void emit_lookup(PipelineContext& ctx, int index) {
  CodeWriter& w = ctx.w;
  const Plan& plan = ctx.plan;
  ExprEmitter& emitter = ctx.emitter;
  const Lookup& lookup = ctx.pipeline.lookups[index];
  const int pipeline = ctx.pipeline.index;
  // RIGHT / FULL JOIN: the first lookup notes the right table's keys it matched.
  const std::string matched = index == 0 ? ctx.pipeline.matched_keys : "";
  const Lookup& j = lookup;
  const Table& table = plan.tables[lookup.table];
  const SourcePlan& src = plan.sources[table.source];
  // RIGHT JOIN drops left rows without a match (their right rows come from the
  // unmatched pass); FULL JOIN keeps them, as LEFT does.
  bool left = j.kind == JoinKind::Left || j.kind == JoinKind::Full;
  const char* kind = j.kind == JoinKind::Left ? "LEFT JOIN" : j.kind == JoinKind::Right ? "RIGHT JOIN"
                   : j.kind == JoinKind::Full ? "FULL JOIN" : "JOIN";
  w.line("// {} {}", {kind, comment_text(src.name)});
  std::vector<Value> key;
  for (const auto& k : j.key) key.push_back(emitter.emit(*k));
  std::string key_code;
  if (key.size() == 1) {
    key_code = key[0].code;
  } else {
    std::vector<std::string> parts;
    for (const auto& v : key) parts.push_back(v.code);
    key_code = key_type(plan, table) + "(" + join(parts, ", ") + ")";
  }
  std::string nulls = null_of(key);
  std::string find = table.member + ".find(" + key_code + ")";
  if (lookup.batched) {
    // Probed by the scan for the whole batch (NULL keys give nullptr there).
    find = "found." + found_field(pipeline, lookup);
    nulls.clear();
  }
  w.line("const {}* {} = {};", {table.row_type, lookup.var, nulls.empty() ? find : "(" + nulls + ") ? nullptr : " + find});
  if (j.residual) {
    auto found = w.block("if (" + lookup.var + " != nullptr)");
    w.line("// ON {}", {comment_text(j.residual->text)});
    std::string cond = emitter.emit_condition(*j.residual);
    w.line("if (!({})) {} = nullptr;", {cond, lookup.var});
  }
  if (!matched.empty()) w.line("if ({} != nullptr) {}.upsert({}, streamc::Present{});", {lookup.var, matched, key_code, "{}"});
  if (left) w.line("if ({} == nullptr) {} = &streamc::kMissingRow<{}>;", {lookup.var, lookup.var, table.row_type});
  else w.line("if ({} == nullptr) return Step::Next;", {lookup.var});
}

}  // namespace streamc
