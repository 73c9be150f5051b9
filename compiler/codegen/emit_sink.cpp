// The Sink operator: the row written in the sink's format (JSON lines, CSV
// with a header), or upserted into the table a CREATE TABLE AS fills; and the
// Program's writers, one per distinct sink.
#include "codegen/cpp_literals.h"
#include "codegen/emit_pipeline.h"
#include "codegen/emit_source.h"
#include "codegen/pipeline_context.h"
#include "util/strings.h"

namespace streamc {
namespace {

// CREATE TABLE AS: the output row is upserted into the table (or deletes its
// key when every non-key column is NULL).
void emit_table_write(CodeWriter& w, const Plan& plan, const Pipeline& pipeline, const std::vector<Value>& values) {
  const Pipeline& q = pipeline;
  const Table& table = plan.tables[plan.table_of(q.sink.table)];
  const SourcePlan& src = plan.sources[table.source];
  w.line("{} out;", {table.row_type});
  int words = null_words(table);
  for (int k = 0; k < words; ++k) {
    std::string index = words == 1 ? "" : std::to_string(k);
    w.line("out.{} = {}::kAllNull{};", {words == 1 ? "nulls" : "nulls[" + index + "]", table.row_type, index});
  }
  std::vector<std::string> key_nulls, value_present;
  for (size_t i = 0; i < table.fields.size(); ++i) {
    const ScanField& f = table.fields[i];
    const Value& v = values[f.column];  // a table made by a query has the query's columns
    std::string clear = "out." + null_word(table, static_cast<int>(i)) + " &= ~" + table.row_type +
                        "::" + row_null_constant(f.field) + ";";
    w.line("out.{} = {};", {f.field, v.code});
    if (v.nullable()) w.line("if (!{}) {}", {v.null, clear});
    else w.line(clear);
    if (src.columns[f.column].key && v.nullable()) key_nulls.push_back(v.null);
  }
  for (size_t c = 0; c < q.columns.size(); ++c) {
    if (src.columns[c].key) continue;
    value_present.push_back(values[c].nullable() ? "!" + values[c].null : "true");
  }
  if (!key_nulls.empty()) {
    auto no_key = w.block("if (" + join(key_nulls, " || ") + ")");
    w.line("++counters.skipped;  // a row without a key is not kept");
    w.line("return Step::Next;");
  }
  std::string key = key_of_row(plan, table, "out.");
  std::string has_value = value_present.empty() ? "true" : join(value_present, " || ");
  w.line("if ({}) {}.upsert({}, out);", {has_value, table.member, key});
  w.line("else {}.erase({});", {table.member, key});
  w.line("++{};", {table.version});
}

}  // namespace

std::vector<SinkSlot> sink_slots(const Plan& plan) {
  std::vector<SinkSlot> slots;
  for (const Pipeline& p : plan.pipelines) {
    if (p.sink.kind == SinkKind::Table) continue;
    bool seen = false;
    for (const auto& s : slots) seen = seen || s.member == p.sink.member;
    if (!seen) slots.push_back({p.sink.member, &p.sink});
  }
  return slots;
}

std::string csv_header(const Plan& plan, const SinkSlot& slot) {
  if (slot.sink->format != Format::Csv) return "";
  // The first pipeline writing to the sink names the columns.
  for (const Pipeline& p : plan.pipelines) {
    if (p.sink.member != slot.member) continue;
    std::string header = p.sink.op_column ? "op" : "";
    for (size_t i = 0; i < p.columns.size(); ++i) {
      const std::string& name = p.columns[i].name;
      bool quote = name.find_first_of(",\"\r\n") != std::string::npos;
      std::string field = name;
      if (quote) {
        field = "\"";
        for (char c : name) field += c == '"' ? std::string("\"\"") : std::string(1, c);
        field += "\"";
      }
      header += (header.empty() ? "" : ",") + field;
    }
    return header;
  }
  return "";
}

// The row to its sink: a Writer in the sink's format, or the table it fills.
void emit_sink(PipelineContext& ctx) {
  CodeWriter& w = ctx.w;
  const Plan& plan = ctx.plan;
  const Pipeline& pipeline = ctx.pipeline;
  const Pipeline& q = pipeline;
  const SinkPlan& sink = pipeline.sink;
  const std::vector<Value>& values = ctx.values;
  if (sink.kind == SinkKind::Table) {
    emit_table_write(w, plan, pipeline, values);
  } else {
    w.line("streamc::Writer& out = {};", {sink.member});
    // 'changelog' = 'op': the op first; a group's row is an insert the first time, then an update.
    const bool changes = q.grouping && q.grouping->emit == Emit::Changes;
    if (sink.op_column) {
      const std::string op = !ctx.op.empty() ? ctx.op : changes ? "g.emitted ? \"+U\"sv : \"+I\"sv" : "\"+I\"sv";
      if (sink.format == Format::Json) {
        w.line("streamc::json_field<streamc::kVarchar>(out, {}, false, {});", {cpp_string_literal("{\"op\":"), op});
      } else {
        w.line("streamc::csv_field<streamc::kVarchar>(out, true, false, {});", {op});
      }
    }
    for (size_t i = 0; i < q.columns.size(); ++i) {
      const OutputPlan& c = q.columns[i];
      const Value& v = values[i];
      const SqlType& t = c.expr->type;
      const std::string null = t.id == TypeId::Null ? "true" : v.nullable() ? v.null : "false";
      const bool first = i == 0 && !sink.op_column;
      if (sink.format == Format::Json) {
        std::string key = std::string(first ? "{" : ",") + json_quote(c.name) + ":";
        w.line("streamc::json_field<{}>(out, {}, {}, {});", {runtime_type(t), cpp_string_literal(key), null, v.code});
      } else {
        w.line("streamc::csv_field<{}>(out, {}, {}, {});", {runtime_type(t), first ? "true" : "false", null, v.code});
      }
    }
    if (sink.format == Format::Json) w.line("out.append_char('}');");
    w.line("out.end_record();");
    w.line("++counters.written;");
    if (sink.op_column && changes && ctx.op.empty()) w.line("g.emitted = true;");
  }
  if (q.limit) w.line("if (++{} == {}) ++done_;", {q.limit_counter, std::to_string(*q.limit)});
}

}  // namespace streamc
