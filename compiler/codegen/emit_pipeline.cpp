#include "codegen/emit_pipeline.h"

#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
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
    case TypeId::Double:
      w.line(format == Format::Json ? "out.append_json_double({});" : "out.append_double({});", {v});
      break;
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
    if (sink_of(p).kind == SinkKind::Table) continue;
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

namespace {

// The WHERE conjuncts that can run at this point of the pipeline.
void emit_filters(CodeWriter& w, ExprEmitter& emitter, const std::vector<const BoundExpr*>& filters) {
  for (const BoundExpr* f : filters) {
    w.line("// WHERE {}", {comment_text(f->text)});
    std::string cond = emitter.emit_condition(*f);
    w.line("if (!({})) return Step::Next;", {cond});
  }
}

// Probes a table for a join: INNER drops the record on a miss, LEFT goes on
// with the table's all-NULL row. A NULL in the key never matches.
void emit_lookup(CodeWriter& w, const Plan& plan, ExprEmitter& emitter, const Lookup& lookup, int pipeline,
                 const std::string& matched) {
  const BoundJoin& j = *lookup.join;
  const Table& table = plan.tables[lookup.table];
  const SourceDef& src = plan.program->catalog.sources()[table.source];
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

// CREATE TABLE AS: the output row is upserted into the table (or deletes its
// key when every non-key column is NULL).
void emit_table_write(CodeWriter& w, const Plan& plan, const Pipeline& pipeline, const std::vector<Value>& values) {
  const BoundQuery& q = *pipeline.query;
  const Table& table = plan.tables[plan.table_of(q.sink.table)];
  const SourceDef& src = plan.program->catalog.sources()[table.source];
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

// The select list, computed in full before anything is written (a failing
// expression never leaves half a record in the output), then the sink.
void emit_output(CodeWriter& w, const Plan& plan, const Pipeline& pipeline, ExprEmitter& emitter) {
  const BoundQuery& q = *pipeline.query;
  const SinkDef& sink = sink_of(pipeline);
  std::string index = pipeline.function.substr(pipeline.function.rfind('_') + 1);
  std::string emitted = "emitted_" + index + "_";
  std::vector<Value> values;
  for (const OutputColumn& c : q.columns) {
    if (c.expr->op != BoundOp::Column && c.expr->op != BoundOp::Literal) {
      w.line("// {}", {comment_text(c.name + " = " + c.expr->text)});
    }
    values.push_back(emitter.emit(*c.expr));
  }
  if (sink.kind == SinkKind::Table) {
    emit_table_write(w, plan, pipeline, values);
  } else {
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
  }
  if (q.limit) w.line("if (++{} == {}) ++done_;", {emitted, std::to_string(*q.limit)});
}

}  // namespace

void emit_pipeline_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline) {
  const BoundQuery& q = *pipeline.query;
  const Scan& scan = plan.scans[pipeline.scan];
  const SourceDef& src = plan.program->catalog.sources()[q.source];
  const SinkDef& sink = sink_of(pipeline);
  std::string index = pipeline.function.substr(pipeline.function.rfind('_') + 1);
  std::string emitted = "emitted_" + index + "_";
  std::string target = sink.kind == SinkKind::Stdout ? "stdout"
                       : sink.kind == SinkKind::Table ? "the table " + comment_text(sink.name)
                                                      : comment_text(sink.name);
  w.line("// {} → {}", {comment_text("FROM " + src.name), target});
  std::string found = pipeline.batched() ? ", const " + found_type(scan) + "& found" : "";
  auto fn = w.block("Step Program::" + pipeline.function + "(const " + scan.row_type + "& r" + found + ")");
  int counter = 0;
  std::vector<RowRef> rows = {{"r.", &scan}};
  for (const Lookup& l : pipeline.lookups) rows.push_back({l.var + "->", &plan.tables[l.table]});
  ExprEmitter emitter(w, rows, counter);
  emitter.set_plan(&plan);
  if (q.limit) w.line("if ({} >= {}) return Step::Next;  // LIMIT reached", {emitted, std::to_string(*q.limit)});
  emit_filters(w, emitter, pipeline.filters[0]);
  for (size_t i = 0; i < pipeline.lookups.size(); ++i) {
    emit_lookup(w, plan, emitter, pipeline.lookups[i], pipeline.index,
                pipeline.unmatched_pass && i == 0 ? pipeline.function + "_matched_" : "");
    emit_filters(w, emitter, pipeline.filters[i + 1]);
  }
  emit_output(w, plan, pipeline, emitter);
  w.line("return Step::Next;");
}

// RIGHT / FULL JOIN: a row of the right table that no row matched comes out
// with every column of the left table NULL.
void emit_unmatched_function(CodeWriter& w, const Plan& plan, const Pipeline& pipeline) {
  const Lookup& lookup = pipeline.lookups[0];
  const Table& right = plan.tables[lookup.table];
  const Scan& scan = plan.scans[pipeline.scan];
  const Table& left = plan.tables[scan.reads_table];
  w.line("// The rows of the right table that no row of the left one matched.");
  auto fn = w.block("Step Program::" + pipeline.function + "_unmatched(const " + right.row_type + "& row)");
  w.line("if ({}_matched_.find({}) != nullptr) return Step::Next;", {pipeline.function, key_of_row(plan, right, "row.")});
  w.line("const {}* {} = &row;", {right.row_type, lookup.var});
  int counter = 0;
  ExprEmitter emitter(w, {{"streamc::kMissingRow<" + left.row_type + ">.", &scan}, {lookup.var + "->", &right}},
                      counter);
  emitter.set_plan(&plan);
  const BoundQuery& q = *pipeline.query;
  std::string index = pipeline.function.substr(pipeline.function.rfind('_') + 1);
  if (q.limit) w.line("if (emitted_{}_ >= {}) return Step::Next;  // LIMIT reached", {index, std::to_string(*q.limit)});
  for (const auto& stage : pipeline.filters) emit_filters(w, emitter, stage);
  emit_output(w, plan, pipeline, emitter);
  w.line("return Step::Next;");
}

}  // namespace streamc
