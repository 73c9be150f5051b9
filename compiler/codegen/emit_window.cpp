// GROUP BY ... WINDOW in a pipeline: the record's event time and the late
// check (WindowAssign), the watermark that closes windows (Watermark), and
// the functions that write one group of a window and close every window at
// the end of the input (streamc/windows.h keeps the windows).
#include "codegen/cpp_literals.h"
#include "codegen/emit_group.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string on_group_lambda(const Grouping& g) {
  return "[this](streamc::WindowBounds window, const " + g.key_type + "& key, " + g.group_type +
         "& g) { return " + g.window->row_function + "(window, key, g); }";
}

// A record whose windows have all closed: counted, and dropped or dead-lettered.
void emit_late(CodeWriter& w, const WindowPlan& window, const std::string& condition, const char* why) {
  const bool dead_letter = window.late == LateData::DeadLetter;
  auto late = w.block("if (" + condition + ")");
  w.line("// {}: {}.", {why, dead_letter ? "it goes to the dead-letter file" : "it is counted and dropped"});
  w.line("++counters.late;");
  w.line(dead_letter ? "return Step::Late;" : "return Step::Next;");
}

}  // namespace

void emit_window_group(PipelineContext& ctx, std::optional<CodeWriter::Block>& loop) {
  CodeWriter& w = ctx.w;
  const Grouping& g = *ctx.pipeline.grouping;
  const WindowPlan& window = *g.window;
  if (window.kind != WindowKind::Session) {
    // The record goes into each of its open windows (one when tumbling).
    loop.emplace(w.block("for (const streamc::WindowBounds window : " + g.member + ".windows_of(event_time))"));
    w.line("{}& g = {}.find(window, key);", {g.group_type, g.member});
    return;
  }
  // The record's session: its key's session it falls in, merged with any other it bridges.
  w.line("{}* found = nullptr;", {g.group_type});
  w.line("streamc::WindowBounds window;");
  const std::string retract =
      window.retract_function.empty()
          ? "[](streamc::WindowBounds, const " + g.key_type + "&, " + g.group_type + "&) { return Step::Next; }"
          : "[this](streamc::WindowBounds old, const " + g.key_type + "& k, " + g.group_type + "& s) { return " +
                window.retract_function + "(old, k, s); }";
  w.line("if ({}.assign(*this, event_time, key, found, window, {}) == Step::Error) return Step::Error;",
         {g.member, retract});
  emit_late(w, window, "found == nullptr", "It would open a session already closed");
  w.line("{}& g = *found;", {g.group_type});
}

void emit_window_assign(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  const Grouping& g = *ctx.pipeline.grouping;
  const WindowPlan& window = *g.window;
  if (window.time) {
    w.line("// WINDOW {}: the event time is {} ({}).",
           {window.text, comment_text(window.time->text), window.time_origin});
    const Value t = ctx.emitter.emit(*window.time);
    if (t.nullable()) {
      w.line("if ({}) return fail({});", {t.null, cpp_c_string("the event time '" + window.time->text + "' is NULL")});
    }
    w.line("const int64_t event_time = {};", {t.code});
  } else {
    w.line("// WINDOW {}: processing time, the clock when the record is read.", {window.text});
    w.line("const int64_t event_time = streamc::wall_clock_ms();");
  }
  if (window.kind == WindowKind::Session) return;  // Aggregate finds the session, or that the record is late
  emit_late(w, window, g.member + ".late(event_time)", "Every window of the record has closed");
}

void emit_watermark(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  const Grouping& g = *ctx.pipeline.grouping;
  if (g.emit == Emit::Final) {
    w.line("// The watermark moves: the windows it passes are written and freed.");
    w.line("if ({}.advance(event_time, {}) == Step::Error) return Step::Error;", {g.member, on_group_lambda(g)});
  } else {
    w.line("// The watermark moves: the windows it passes are freed.");
    w.line("{}.advance(event_time, [](streamc::WindowBounds, const {}&, {}&) { return Step::Next; });",
           {g.member, g.key_type, g.group_type});
  }
  for (const auto& [member, type] : g.distinct_sets) {
    if (!member.empty()) w.line("{}.sweep({});  // the distinct values of closed windows go", {member, g.member});
  }
}

namespace {

// `Step Program::<name>(window, key, g)`: `body` writes what it does with
// the group `g` of `key` in `window`.
void window_group_function(CodeWriter& w, const Plan& plan, const Pipeline& p, const std::string& name,
                           const std::function<void(PipelineContext&)>& body) {
  const Grouping& g = *p.grouping;
  auto fn = w.block("Step Program::" + name + "(streamc::WindowBounds window, const " + g.key_type + "& key, " +
                    g.group_type + "& g)");
  int counter = 0;
  ExprEmitter emitter(w, {}, counter);
  emitter.set_plan(&plan);
  PipelineContext ctx{w, plan, p, emitter};
  read_group(ctx);
  emitter.set_window({"window.start", ""}, {"window.end", ""});
  body(ctx);
  w.line("return Step::Next;");
}

}  // namespace

void emit_window_functions(CodeWriter& w, const Plan& plan, const Pipeline& p,
                           const std::function<void(PipelineContext&)>& rest) {
  const Grouping& g = *p.grouping;
  const WindowPlan& window = *g.window;
  w.line("// One group of a {} window of {}.", {window.text, comment_text(p.name)});
  window_group_function(w, plan, p, window.row_function, [&](PipelineContext& ctx) {
    rest(ctx);
    if (!window.retract_function.empty() && !p.sink.op_column) {
      w.line("g.emitted = true;  // a change of its bounds deletes this row");
    }
  });
  if (!window.retract_function.empty()) {
    w.blank();
    w.line("// A session of {} whose bounds change, or that merges into another: its row is deleted.",
           {comment_text(p.name)});
    window_group_function(w, plan, p, window.retract_function, [&](PipelineContext& ctx) {
      w.line("if (!g.emitted) return Step::Next;");
      if (p.sink.op_column) {
        emit_row(ctx, "\"-D\"sv");  // the session as it was
        w.line("g.emitted = false;");
      } else {
        w.line("g.emitted = false;");
        emit_delete(ctx);
      }
    });
  }
  if (g.emit != Emit::Final) return;
  w.blank();
  w.line("// EMIT FINAL: the windows still open once every stream has ended, in the order of their ends.");
  auto fn = w.block("bool Program::" + g.emit_function + "()");
  w.line("return {}.close_all(*this, {});", {g.member, on_group_lambda(g)});
}

}  // namespace streamc
