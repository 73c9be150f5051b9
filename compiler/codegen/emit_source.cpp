#include "codegen/emit_source.h"

#include "codegen/cpp_literals.h"
#include "codegen/expression_emitter.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(size_t n) { return std::to_string(n); }

// The call that converts text (CSV) to a column's type, assigning `target`.
std::string text_conversion(const SqlType& t, const std::string& text, const std::string& target) {
  switch (t.id) {
    case TypeId::Boolean: return "streamc::parse_bool(" + text + ", " + target + ")";
    case TypeId::Int: return "streamc::parse_int32(" + text + ", " + target + ")";
    case TypeId::BigInt: return "streamc::parse_int64(" + text + ", " + target + ")";
    case TypeId::Double: return "streamc::parse_double(" + text + ", " + target + ")";
    case TypeId::Decimal:
      return "streamc::parse_decimal(" + text + ", " + str(t.precision) + ", " + str(t.scale) + ", " + target + ")";
    case TypeId::Timestamp: return "streamc::parse_timestamp(" + text + ", " + target + ")";
    case TypeId::Date: return "streamc::parse_date(" + text + ", " + target + ")";
    default: return "";
  }
}

// The call that converts a JSON value to a column's type.
std::string json_conversion(const SqlType& t, const std::string& target) {
  switch (t.id) {
    case TypeId::Boolean: return "streamc::json_to_bool(value, " + target + ")";
    case TypeId::Int: return "streamc::json_to_int32(value, " + target + ")";
    case TypeId::BigInt: return "streamc::json_to_int64(value, " + target + ")";
    case TypeId::Double: return "streamc::json_to_double(value, " + target + ")";
    case TypeId::Decimal:
      return "streamc::json_to_decimal(value, " + str(t.precision) + ", " + str(t.scale) + ", " + target + ")";
    case TypeId::Timestamp: return "streamc::json_to_timestamp(value, " + target + ")";
    case TypeId::Date: return "streamc::json_to_date(value, " + target + ")";
    default: return "streamc::json_to_string(value, " + target + ")";
  }
}

std::string mask_name(const Scan& scan, const ScanField& f) { return scan.row_type + "::" + row_null_constant(f.field); }

// A reason literal for a column that does not convert.
std::string bad_value_reason(const Column& c) {
  return cpp_c_string("column '" + c.name + "' is not a valid " + c.type.to_string());
}

// Every column starts NULL; parsing a value clears its bit.
void emit_null_reset(CodeWriter& w, const Scan& scan) {
  int words = null_words(scan);
  for (int k = 0; k < words; ++k) {
    std::string index = words == 1 ? "" : str(k);
    w.line("r.{} = {}::kAllNull{};", {words == 1 ? "nulls" : "nulls[" + index + "]", scan.row_type, index});
  }
}

// After parsing: a NOT NULL column must have had a value.
void emit_not_null_check(CodeWriter& w, const SourceDef& src, const Scan& scan) {
  for (const ScanField& f : scan.fields) {
    const Column& c = src.columns[f.column];
    if (c.nullable) continue;
    auto check = w.block("if (r." + null_word(scan, scan.slot_of(f.column)) + " & " + mask_name(scan, f) + ")");
    w.line("reason = {};", {cpp_c_string("column '" + c.name + "' is NOT NULL but has no value")});
    w.line("return false;");
  }
}

}  // namespace

std::string property_name(const SourceDef& source, const std::string& property) {
  return source.name + "." + property;
}

void emit_row_struct(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourceDef& src = plan.program->catalog.sources()[scan.source];
  w.line("// A record of {}: the {} of its {} columns the query reads.",
         {comment_text(src.name), str(scan.fields.size()), str(src.columns.size())});
  auto body = w.block("struct " + scan.row_type, "};");
  for (const ScanField& f : scan.fields) {
    const Column& c = src.columns[f.column];
    std::string init = c.type.id == TypeId::Varchar ? "" : " = " + default_value(c.type);
    w.line("{} {}{};  // {}", {c.type.cpp_type(), f.field, init, c.type.to_string() + (c.nullable ? "" : " NOT NULL")});
  }
  int words = null_words(scan);
  if (words == 1) w.line("uint64_t nulls = 0;  // a set bit marks a NULL column");
  else w.line("uint64_t nulls[{}] = {};  // a set bit marks a NULL column; 64 columns a word", {str(words), "{}"});
  std::vector<std::vector<std::string>> all(words);
  for (size_t i = 0; i < scan.fields.size(); ++i) {
    std::string name = row_null_constant(scan.fields[i].field);
    w.line("static constexpr uint64_t {} = uint64_t(1) << {};", {name, str(i % 64)});
    all[i / 64].push_back(name);
  }
  for (int k = 0; k < words; ++k) {
    w.line("static constexpr uint64_t kAllNull{} = {};",
           {words == 1 ? "" : str(k), all[k].empty() ? "0" : join(all[k], " | ")});
  }
}

void emit_parse_function(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourceDef& src = plan.program->catalog.sources()[scan.source];
  const std::string& row = scan.row_type;
  if (src.format == Format::Json) {
    w.line("// Parses one JSON line of {} into a {}; a field that is absent is NULL.",
           {comment_text(src.name), row});
    auto fn = w.block("bool " + scan.parse_function + "(simdjson::ondemand::parser& parser, std::string_view line, " +
                      row + "& r, std::string_view& reason)");
    w.line("r = {};");
    emit_null_reset(w, scan);
    w.line("simdjson::ondemand::document doc;");
    w.line("simdjson::ondemand::object object;");
    {
      auto bad = w.block("if (streamc::json_iterate_line(parser, line, doc) || doc.get_object().get(object))");
      w.line("reason = \"the line is not a JSON object\";");
      w.line("return false;");
    }
    {
      auto loop = w.block("for (auto field : object)");
      w.line("std::string_view key;");
      w.line("simdjson::ondemand::value value;");
      {
        auto bad = w.block("if (field.unescaped_key().get(key) || field.value().get(value))");
        w.line("reason = \"the line is not valid JSON\";");
        w.line("return false;");
      }
      for (size_t i = 0; i < scan.fields.size(); ++i) {
        const ScanField& f = scan.fields[i];
        const Column& c = src.columns[f.column];
        std::string header = (i == 0 ? "if (key == " : "} else if (key == ") + cpp_string_literal(c.name) + ")";
        if (i > 0) w.dedent();
        w.line(header + " {");
        w.indent();
        w.line("if (streamc::json_is_null(value)) continue;");
        {
          auto conv = w.block("if (!" + json_conversion(c.type, "r." + f.field) + ")");
          w.line("reason = {};", {bad_value_reason(c)});
          w.line("return false;");
        }
        w.line("r.{} &= ~{};", {null_word(scan, static_cast<int>(i)), mask_name(scan, f)});
      }
      if (!scan.fields.empty()) {
        w.dedent();
        w.line("}");
      }
    }
    emit_not_null_check(w, src, scan);
    w.line("return true;");
    return;
  }
  w.line("// Parses one CSV record of {} into a {}; `pos` maps each column read to its field.",
         {comment_text(src.name), row});
  auto fn = w.block("bool " + scan.parse_function + "(const std::vector<streamc::CsvField>& fields, const int* pos, " +
                    row + "& r, std::string_view& reason)");
  w.line("r = {};");
  emit_null_reset(w, scan);
  for (size_t i = 0; i < scan.fields.size(); ++i) {
    const ScanField& f = scan.fields[i];
    const Column& c = src.columns[f.column];
    auto field = w.block("");
    w.line("const streamc::CsvField& field = fields[pos[{}]];  // {}", {str(i), comment_text(c.name)});
    w.line("if (!streamc::csv_is_null(field)) {");
    w.indent();
    if (c.type.id == TypeId::Varchar) {
      w.line("r.{} = field.text;", {f.field});
    } else {
      auto conv = w.block("if (!" + text_conversion(c.type, "field.text", "r." + f.field) + ")");
      w.line("reason = {};", {bad_value_reason(c)});
      w.line("return false;");
    }
    w.line("r.{} &= ~{};", {null_word(scan, static_cast<int>(i)), mask_name(scan, f)});
    w.dedent();
    w.line("}");
  }
  emit_not_null_check(w, src, scan);
  w.line("return true;");
}

void emit_scan_function(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourceDef& src = plan.program->catalog.sources()[scan.source];
  std::string name = cpp_identifier(to_lower(src.name));
  std::string path_property = cpp_c_string(property_name(src, "path"));
  w.line("// Reads {} to its end and feeds each record to the pipelines that read it.", {comment_text(src.name)});
  auto fn = w.block("bool scan_" + name + "(Program& program, const streamc::Config& config)");
  w.line("const std::string path = streamc::resolve_path(STREAMC_QUERY_DIR, config.get({}));", {path_property});
  w.line("streamc::OnError policy = streamc::OnError::Fail;");
  w.line("streamc::parse_on_error(config.get({}), policy);", {cpp_c_string(property_name(src, "on.error"))});
  w.line("streamc::BadRecordHandler bad({}, policy, streamc::resolve_path(STREAMC_QUERY_DIR, config.get({})));",
         {cpp_c_string(src.name), cpp_c_string(property_name(src, "dlq.path"))});
  w.line("std::string error;");
  w.line("{} row;", {scan.row_type});
  w.line("std::string_view reason;");
  auto emit_dispatch = [&](const std::string& raw, const std::string& line_number) {
    w.line("Step step = Step::Error;");
    {
      auto ok = w.block("if (parsed)");
      w.line("program.begin_record();");
      for (size_t i = 0; i < scan.pipelines.size(); ++i) {
        const Pipeline& pipeline = plan.pipelines[scan.pipelines[i]];
        w.line("{}step = program.{}(row);", {i == 0 ? "" : "if (step != Step::Error) ", pipeline.function});
      }
      w.line("if (step == Step::Error) reason = program.error();");
    }
    auto failed = w.block("if (step == Step::Error && !bad.handle(path, " + line_number + ", " + raw + ", reason))");
    w.line("return false;");
  };
  if (src.format == Format::Json) {
    w.line("streamc::FileReader reader;");
    {
      auto open = w.block("if (!reader.open(path, error))");
      w.line("std::fprintf(stderr, \"error: %s\\n\", error.c_str());");
      w.line("return false;");
    }
    w.line("simdjson::ondemand::parser parser;");
    w.line("std::string_view line;");
    {
      auto loop = w.block("while (!program.done() && reader.next_line(line))");
      w.line("if (line.find_first_not_of(\" \\t\") == std::string_view::npos) continue;");
      w.line("++program.counters.read;");
      w.line("const bool parsed = {}(parser, line, row, reason);", {scan.parse_function});
      emit_dispatch("line", "reader.line_number()");
    }
  } else {
    w.line("streamc::CsvReader reader;");
    {
      auto open = w.block("if (!reader.open(path, error))");
      w.line("std::fprintf(stderr, \"error: %s\\n\", error.c_str());");
      w.line("return false;");
    }
    w.line("std::vector<streamc::CsvField> fields;");
    w.line("// The header names the fields; each column read is found by name once.");
    {
      auto header = w.block("if (reader.next(fields) != streamc::CsvStatus::Record)");
      w.line("std::fprintf(stderr, \"error: %s: the file has no header line\\n\", path.c_str());");
      w.line("return false;");
    }
    std::vector<std::string> names;
    for (const ScanField& f : scan.fields) names.push_back(cpp_string_literal(src.columns[f.column].name));
    w.line("static constexpr std::string_view kColumns[] = {{}};", {join(names, ", ")});
    w.line("int pos[std::size(kColumns) + 1] = {};");
    w.line("const size_t width = fields.size();");
    {
      auto loop = w.block("for (size_t i = 0; i < std::size(kColumns); ++i)");
      w.line("pos[i] = streamc::find_column(fields, kColumns[i]);");
      auto missing = w.block("if (pos[i] < 0)");
      w.line("std::fprintf(stderr, \"error: %s: the header has no column '%.*s'\\n\", path.c_str(),");
      w.line("             static_cast<int>(kColumns[i].size()), kColumns[i].data());");
      w.line("return false;");
    }
    {
      auto loop = w.block("while (!program.done())");
      w.line("const streamc::CsvStatus status = reader.next(fields);");
      w.line("if (status == streamc::CsvStatus::End) break;");
      w.line("++program.counters.read;");
      w.line("bool parsed = false;");
      w.line("if (status == streamc::CsvStatus::Malformed) reason = reader.error_reason();");
      w.line("else if (fields.size() != width) reason = \"the record does not have as many fields as the header\";");
      w.line("else parsed = {}(fields, pos, row, reason);", {scan.parse_function});
      emit_dispatch("reader.raw_record()", "reader.line_number()");
    }
  }
  w.line("program.counters.skipped += bad.skipped();");
  w.line("return true;");
}

}  // namespace streamc
