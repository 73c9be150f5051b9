// LEAD(x, k) OVER (PARTITION BY ...): the Hold operator keeps the record's
// held values (what its select list reads besides the LEADs, Holding::values)
// in its partition's ring (streamc::HeldRecords); once a partition holds more
// records than its LEADs look ahead, the oldest is written by the pipeline's
// write function, its LEADs read from the records held after it. At end of
// input the flush function writes the records still held, in arrival order.
// With PERCENT_RANK, CUME_DIST or NTILE every record is held until then (a
// ring without bound): the write function computes them from the partition's
// size, the record's place and the RANKs held.
#include "codegen/emit_hold.h"

#include "codegen/cpp_literals.h"
#include "codegen/emit_analytic.h"
#include "codegen/emit_group.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(int64_t n) { return std::to_string(n); }

// A held value's field: VARCHAR is copied into a std::string the record owns.
std::string field_type(const SqlType& t) {
  return t.id == TypeId::Varchar ? "std::string" : t.cpp_type();
}

std::string field(int i) { return "v" + str(i); }

std::span<const ExprPtr> partition_keys(const Pipeline& p) {
  return partition_keys(p.analytics[p.holding->partitioned_as]);
}

// How the write function reads held value `i` of `record` (`h.` or `ring.at(i + 1).`).
Value held_value(const Holding& h, const std::string& record, int i) {
  const Expr& e = *h.values[i];
  std::string code = record + field(i);
  if (e.type.id == TypeId::Varchar) code = "std::string_view(" + code + ")";
  return {code, e.nullable ? record + field(i) + "_null" : ""};
}

}  // namespace

void emit_held_types(CodeWriter& w, const Pipeline& p) {
  const Holding& h = *p.holding;
  std::vector<std::string> keys;
  for (const auto& k : partition_keys(p)) keys.push_back(k->text);
  w.line("// The partitions of {}'s LEADs{}: (is NULL, value) per key.",
         {comment_text(p.name), keys.empty() ? "" : " by (" + comment_text(join(keys, ", ")) + ")"});
  w.line("using {} = {};", {h.key_type, null_keyed_type(partition_keys(p))});
  w.line("// A record of {} held until its LEADs are known: what its columns read besides them.",
         {comment_text(p.name)});
  auto s = w.block("struct " + h.entry_type, "};");
  for (size_t i = 0; i < h.values.size(); ++i) {
    const Expr& e = *h.values[i];
    const int n = static_cast<int>(i);
    w.line("{} {};  // {}", {field_type(e.type), field(n), comment_text(e.text)});
    if (e.nullable) w.line("bool {}_null = false;", {field(n)});
  }
}

// A partition's ring: k + 1 slots for LEADs reaching k ahead; 0 (every record) for the whole partition.
std::string ring_size(const Holding& h) { return h.whole ? "0" : str(h.ahead + 1); }

std::string held_ring_type(const Holding& h) {
  return "streamc::HeldRing<" + h.entry_type + ", " + ring_size(h) + ">";
}

std::string held_member(const Holding& h) {
  return "streamc::HeldRecords<" + h.key_type + ", " + h.entry_type + ", " + ring_size(h) + "> " + h.member;
}

void emit_hold(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  const Holding& h = *ctx.pipeline.holding;
  std::vector<Value> values;
  for (const auto& v : h.values) values.push_back(ctx.emitter.emit(*v));
  std::vector<Value> keys;
  const std::string key = null_keyed_values(ctx.emitter, partition_keys(ctx.pipeline), keys);
  if (h.whole) {
    w.line("// Held until the input ends: PERCENT_RANK, CUME_DIST and NTILE need the whole partition.");
  } else {
    w.line("// Held until the {} record(s) after it in its partition have come (LEAD).", {str(h.ahead)});
  }
  w.line("{}* held = nullptr;", {h.entry_type});
  w.line("{}{}.arrive({}({}), held);", {h.whole ? "" : "auto& ring = ", h.member, h.key_type, key});
  for (size_t i = 0; i < values.size(); ++i) {
    const int n = static_cast<int>(i);
    w.line("held->{} = {};", {field(n), values[i].code});
    if (h.values[i]->nullable) {
      w.line("held->{}_null = {};", {field(n), values[i].nullable() ? values[i].null : "false"});
    }
  }
  if (h.whole) {
    w.line("return Step::Next;");
    return;
  }
  w.line("if (!ring.full()) return Step::Next;");
  w.line("// The oldest record held now has its LEADs: it is written before this one.");
  w.line("const Step step = {}(ring, 0);", {h.write_function});
  w.line("ring.pop();");
  w.line("return step;");
}

void emit_held_functions(CodeWriter& w, const Plan& plan, const Pipeline& p,
                         const std::function<void(PipelineContext&)>& rest) {
  const Holding& h = *p.holding;
  w.line("// Writes the record `i` held in `ring` (0: the oldest); its LEADs read the records held after it{}.",
         {h.whole ? ", PERCENT_RANK, CUME_DIST and NTILE the whole partition" : ""});
  {
    auto fn = w.block("Step Program::" + h.write_function + "(const " + held_ring_type(h) + "& ring, size_t i)");
    int counter = 0;
    ExprEmitter emitter(w, {}, counter);
    emitter.set_plan(&plan);
    PipelineContext ctx{w, plan, p, emitter};
    if (p.limit) emit_limit(ctx);
    w.line("const {}& h = ring.at(i);", {h.entry_type});
    std::vector<Value> held;
    for (size_t i = 0; i < h.values.size(); ++i) held.push_back(held_value(h, "h.", static_cast<int>(i)));
    emitter.set_held(std::move(held));
    std::vector<Value> analytics(p.analytics.size());
    for (size_t j = 0; j < h.leads.size(); ++j) {
      const HeldLead& l = h.leads[j];
      const Expr& lead = *p.analytics[l.analytic].node;
      const std::string out = "lead" + str(static_cast<int64_t>(j));
      w.line("// {}", {comment_text(lead.text)});
      const Value fallback = emitter.emit(*l.fallback);
      w.line("{} {} = {};", {lead.type.cpp_type(), out, default_value(lead.type)});
      w.line("bool {}_null = false;", {out});
      const Value next = held_value(h, "ring.at(i + " + str(l.offset) + ").", l.value);
      {
        auto has = w.block("if (i + " + str(l.offset) + " < ring.held())");
        w.line("{} = {};", {out, next.code});
        if (next.nullable()) w.line("{}_null = {};", {out, next.null});
      }
      {
        auto none = w.else_block();
        w.line("{} = {};", {out, fallback.code});
        w.line("{}_null = {};", {out, fallback.nullable() ? fallback.null : "false"});
      }
      analytics[l.analytic] = {out, out + "_null"};
    }
    for (const HeldWhole& whole : h.wholes) {
      const Expr& e = *p.analytics[whole.analytic].node;
      const std::string out = to_lower(to_string(e.analytic)) + str(whole.analytic);
      w.line("// {}", {comment_text(e.text)});
      const std::string rank = whole.rank >= 0 ? "h." + field(whole.rank) : "";
      switch (e.analytic) {
        case AnalyticKind::PercentRank:
          w.line("const double {} = streamc::percent_rank({}, ring.held());", {out, rank});
          break;
        case AnalyticKind::CumeDist:
          w.line("const double {} = streamc::cume_dist(ring, i, [](const {}& e) { return e.{}; });",
                 {out, h.entry_type, field(whole.rank)});
          break;
        default: w.line("const int64_t {} = streamc::ntile({}, i, ring.held());", {out, str(e.column)}); break;
      }
      analytics[whole.analytic] = {out, ""};
    }
    emitter.set_analytics(std::move(analytics));
    rest(ctx);
    w.line("return Step::Next;");
  }
  w.blank();
  w.line("// Once every stream has ended: the records still held, in the order they arrived.");
  auto fn = w.block("bool Program::" + h.flush_function + "()");
  w.line("return streamc::report_end_of_input(*this, {}.flush([this](const {}& ring, size_t i) {",
         {h.member, held_ring_type(h)});
  w.indent();
  w.line("begin_record();");
  w.line("return {}(ring, i);", {h.write_function});
  w.dedent();
  w.line("}));");
}

}  // namespace streamc
