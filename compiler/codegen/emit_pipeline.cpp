#include "codegen/emit_pipeline.h"

#include "codegen/cpp_literals.h"
#include "codegen/expression_emitter.h"
#include "util/strings.h"

namespace streamc {
namespace {

// Appends one value of type `t` in the sink's format.
void emit_write_value(CodeWriter& w, Format format, const SqlType& t, const std::string& v) {
  switch (t.id) {
    case TypeId::Boolean: w.line("out.append_bool({});", {v}); break;
    case TypeId::Int:
    case TypeId::BigInt:
    case TypeId::Interval: w.line("out.append_int({});", {v}); break;
    case TypeId::Double: w.line("out.append_double({});", {v}); break;
    case TypeId::Decimal: w.line("out.append_decimal({}, {});", {v, std::to_string(t.scale)}); break;
    case TypeId::Varchar:
      w.line(format == Format::Json ? "out.append_json_string({});" : "out.append_csv_field({});", {v});
      break;
    case TypeId::Timestamp:
      if (format == Format::Json) w.line("out.append_char('\"');");
      w.line("out.append_timestamp({});", {v});
      if (format == Format::Json) w.line("out.append_char('\"');");
      break;
    case TypeId::Date: {
      if (format == Format::Json) w.line("out.append_char('\"');");
      w.line("out.append(streamc::date_to_text(arena_, {}));", {v});
      if (format == Format::Json) w.line("out.append_char('\"');");
      break;
    }
    case TypeId::Null: w.line(format == Format::Json ? "out.append(\"null\"sv);" : "// NULL"); break;
  }
}

const SinkDef& sink_of(const Pipeline& p) { return p.query->sink; }

}  // namespace

std::string sink_member(const SinkDef& sink) {
  return sink.kind == SinkKind::Stdout ? "out_stdout_" : "out_" + cpp_identifier(to_lower(sink.name)) + "_";
}

std::vector<SinkSlot> sink_slots(const Plan& plan) {
  std::vector<SinkSlot> slots;
  for (const Pipeline& p : plan.pipelines) {
    std::string member = sink_member(sink_of(p));
    bool seen = false;
    for (const auto& s : slots) seen = seen || s.member == member;
    if (!seen) slots.push_back({member, &sink_of(p)});
  }
  return slots;
}

void emit_sink_header(CodeWriter& w, const Plan& plan, const SinkSlot& slot) {
  if (slot.sink->format != Format::Csv) return;
  // The first pipeline writing to the sink names the columns.
  for (const Pipeline& p : plan.pipelines) {
    if (sink_member(sink_of(p)) != slot.member) continue;
    std::string header;
    for (size_t i = 0; i < p.query->columns.size(); ++i) {
      const std::string& name = p.query->columns[i].name;
      bool quote = name.find_first_of(",\"\r\n") != std::string::npos;
      std::string field = name;
      if (quote) {
        field = "\"";
        for (char c : name) field += c == '"' ? std::string("\"\"") : std::string(1, c);
        field += "\"";
      }
      header += (i ? "," : "") + field;
    }
    w.line("{}.append({});", {slot.member, cpp_string_literal(header)});
    w.line("{}.end_record();", {slot.member});
    return;
  }
}

void emit_pipeline_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline) {
  const BoundQuery& q = *pipeline.query;
  const Scan& scan = plan.scans[pipeline.scan];
  const SourceDef& src = plan.program->catalog.sources()[q.source];
  const SinkDef& sink = sink_of(pipeline);
  std::string index = pipeline.function.substr(pipeline.function.rfind('_') + 1);
  std::string emitted = "emitted_" + index + "_";
  w.line("// {} → {}", {comment_text("FROM " + src.name), sink.kind == SinkKind::Stdout ? "stdout" : comment_text(sink.name)});
  auto fn = w.block("Step Program::" + pipeline.function + "(const " + scan.row_type + "& r)");
  int counter = 0;
  ExprEmitter emitter(w, scan, "r", counter);
  if (q.limit) w.line("if ({} >= {}) return Step::Next;  // LIMIT reached", {emitted, std::to_string(*q.limit)});
  if (q.where) {
    w.line("// WHERE {}", {comment_text(q.where->text)});
    std::string cond = emitter.emit_condition(*q.where);
    w.line("if (!({})) return Step::Next;", {cond});
  }
  // Every value is computed before anything is written: a failing
  // expression never leaves half a record in the output.
  std::vector<Value> values;
  for (const OutputColumn& c : q.columns) {
    if (c.expr->op != BoundOp::Column && c.expr->op != BoundOp::Literal) {
      w.line("// {}", {comment_text(c.name + " = " + c.expr->text)});
    }
    values.push_back(emitter.emit(*c.expr));
  }
  w.line("streamc::Writer& out = {};", {sink_member(sink)});
  for (size_t i = 0; i < q.columns.size(); ++i) {
    const OutputColumn& c = q.columns[i];
    const Value& v = values[i];
    if (sink.format == Format::Json) {
      std::string prefix = std::string(i == 0 ? "{" : ",") + json_quote(c.name) + ":";
      w.line("out.append({});", {cpp_string_literal(prefix)});
    } else if (i > 0) {
      w.line("out.append_char(',');");
    }
    if (v.nullable()) {
      if (sink.format == Format::Json) {
        w.line("if ({}) {", {v.null});
        w.indent();
        w.line("out.append(\"null\"sv);");
        w.dedent();
        w.line("} else {");
        w.indent();
      } else {
        w.line("if (!{}) {", {v.null});
        w.indent();
      }
      emit_write_value(w, sink.format, c.expr->type, v.code);
      w.dedent();
      w.line("}");
    } else {
      emit_write_value(w, sink.format, c.expr->type, v.code);
    }
  }
  if (sink.format == Format::Json) w.line("out.append_char('}');");
  w.line("out.end_record();");
  w.line("++counters.written;");
  if (q.limit) w.line("if (++{} == {}) ++done_;", {emitted, std::to_string(*q.limit)});
  w.line("return Step::Next;");
}

}  // namespace streamc
