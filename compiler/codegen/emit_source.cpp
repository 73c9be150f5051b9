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

std::string mask_name(const RowLayout& row, const ScanField& f) {
  return row.row_type + "::" + row_null_constant(f.field);
}

// A reason literal for a column that does not convert.
std::string bad_value_reason(const Column& c) {
  return cpp_c_string("column '" + c.name + "' is not a valid " + c.type.to_string());
}

// Every column starts NULL; parsing a value clears its bit.
void emit_null_reset(CodeWriter& w, const RowLayout& row, const std::string& access = "r.") {
  int words = null_words(row);
  for (int k = 0; k < words; ++k) {
    std::string index = words == 1 ? "" : str(k);
    w.line("{}{} = {}::kAllNull{};", {access, words == 1 ? "nulls" : "nulls[" + index + "]", row.row_type, index});
  }
}

// After parsing: a NOT NULL column must have had a value. A table's key
// columns are checked by its loader, which skips rows without a key.
void emit_not_null_check(CodeWriter& w, const SourceDef& src, const Scan& scan) {
  for (const ScanField& f : scan.fields) {
    const Column& c = src.columns[f.column];
    if (c.nullable || (scan.table >= 0 && c.key)) continue;
    auto check = w.block("if (r." + null_word(scan, scan.slot_of(f.column)) + " & " + mask_name(scan, f) + ")");
    w.line("reason = {};", {cpp_c_string("column '" + c.name + "' is NOT NULL but has no value")});
    w.line("return false;");
  }
}

const SourceDef& source_of(const Plan& plan, int index) { return plan.program->catalog.sources()[index]; }

// Opens the file of a scan: a FileReader for JSON lines, a CsvReader for CSV.
void emit_open(CodeWriter& w, const SourceDef& src) {
  w.line("streamc::{} reader;", {src.format == Format::Json ? "FileReader" : "CsvReader"});
  auto open = w.block("if (!reader.open(path, error))");
  w.line("std::fprintf(stderr, \"error: %s\\n\", error.c_str());");
  w.line("return false;");
}

// Finds the position of each named column in a CSV header, once per file.
void emit_csv_positions(CodeWriter& w, const std::string& array, const std::vector<std::string>& names) {
  std::vector<std::string> literals;
  for (const auto& n : names) literals.push_back(cpp_string_literal(n));
  std::string names_array = "k" + camel_case(array);
  w.line("static constexpr std::string_view {}[] = {{}};", {names_array, join(literals, ", ")});
  w.line("int {}[std::size({}) + 1] = {};", {array, names_array, "{}"});
  auto loop = w.block("for (size_t i = 0; i < std::size(" + names_array + "); ++i)");
  w.line("{}[i] = streamc::find_column(fields, {}[i]);", {array, names_array});
  auto missing = w.block("if (" + array + "[i] < 0)");
  w.line("std::fprintf(stderr, \"error: %s: the header has no column '%.*s'\\n\", shown.c_str(),");
  w.line("             static_cast<int>({}[i].size()), {}[i].data());", {names_array, names_array});
  w.line("return false;");
}

}  // namespace

std::string property_name(const SourceDef& source, const std::string& property) {
  return source.name + "." + property;
}

std::string key_type(const Plan& plan, const Table& table) {
  const SourceDef& src = source_of(plan, table.source);
  if (table.key.size() == 1) return src.columns[table.key[0]].type.cpp_type();
  std::vector<std::string> types;
  for (int k : table.key) types.push_back(src.columns[k].type.cpp_type());
  return "std::tuple<" + join(types, ", ") + ">";
}

std::string key_of_row(const Plan& plan, const Table& table, const std::string& access) {
  std::vector<std::string> parts;
  for (int k : table.key) parts.push_back(access + table.field_of(k)->field);
  if (parts.size() == 1) return parts[0];
  return key_type(plan, table) + "(" + join(parts, ", ") + ")";
}

void emit_row_struct(CodeWriter& w, const Plan& plan, const RowLayout& row, int source, bool table) {
  const SourceDef& src = source_of(plan, source);
  if (table) {
    w.line("// A row of the table {}: the {} of its {} columns the queries use.",
           {comment_text(src.name), str(row.fields.size()), str(src.columns.size())});
  } else {
    w.line("// A record of {}: the {} of its {} columns the queries read.",
           {comment_text(src.name), str(row.fields.size()), str(src.columns.size())});
  }
  {
    auto body = w.block("struct " + row.row_type, "};");
    for (const ScanField& f : row.fields) {
      const Column& c = src.columns[f.column];
      std::string init = c.type.id == TypeId::Varchar ? "" : " = " + default_value(c.type);
      std::string note = c.type.to_string() + (c.key && table ? " KEY" : c.nullable ? "" : " NOT NULL");
      w.line("{} {}{};  // {}", {c.type.cpp_type(), f.field, init, note});
    }
    int words = null_words(row);
    if (words == 1) w.line("uint64_t nulls = 0;  // a set bit marks a NULL column");
    else w.line("uint64_t nulls[{}] = {};  // a set bit marks a NULL column; 64 columns a word", {str(words), "{}"});
    std::vector<std::vector<std::string>> all(words);
    for (size_t i = 0; i < row.fields.size(); ++i) {
      std::string name = row_null_constant(row.fields[i].field);
      w.line("static constexpr uint64_t {} = uint64_t(1) << {};", {name, str(i % 64)});
      all[i / 64].push_back(name);
    }
    for (int k = 0; k < words; ++k) {
      w.line("static constexpr uint64_t kAllNull{} = {};",
             {words == 1 ? "" : str(k), all[k].empty() ? "0" : join(all[k], " | ")});
    }
  }
  if (table) {
    // The table copies the strings of a row it keeps out of the read buffer.
    w.line("template <class F>");
    std::vector<std::string> visits;
    for (const ScanField& f : row.fields) {
      if (src.columns[f.column].type.id == TypeId::Varchar) visits.push_back("f(r." + f.field + ");");
    }
    std::string param = visits.empty() ? "" : " r";
    std::string fparam = visits.empty() ? "" : " f";
    {
      auto visit = w.block("void visit_strings(" + row.row_type + "&" + param + ", F&&" + fparam + ")");
      for (const auto& v : visits) w.line(v);
    }
    w.line("// What a LEFT JOIN sees when {} has no row for the key: every column NULL.", {comment_text(src.name)});
    auto missing = w.block("constexpr " + row.row_type + " k" + row.row_type.substr(0, row.row_type.size() - 3) +
                               "Missing = [] ",
                           "}();");
    w.line("{} r;", {row.row_type});
    emit_null_reset(w, row);
    w.line("return r;");
  }
}

void emit_parse_function(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourceDef& src = source_of(plan, scan.source);
  const std::string& row = scan.row_type;
  bool table = scan.table >= 0;
  if (src.format == Format::Json) {
    w.line("// Parses one JSON line of {} into a {}; a field that is absent is NULL.{}",
           {comment_text(src.name), row, table ? " `has_value`: some non-key column is not NULL." : ""});
    auto fn = w.block("bool " + scan.parse_function + "(simdjson::ondemand::parser& parser, std::string_view line, " +
                      row + "& r, std::string_view& reason" + (table ? ", bool& has_value" : "") + ")");
    w.line("r = {};");
    emit_null_reset(w, scan);
    if (table) w.line("has_value = false;");
    w.line("simdjson::ondemand::document doc;");
    w.line("simdjson::ondemand::object object;");
    {
      auto bad = w.block("if (streamc::json_iterate_line(parser, line, doc) || doc.get_object().get(object))");
      w.line("reason = \"the line is not a valid JSON object\";");
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
      bool first = true;
      auto branch = [&](const std::string& condition) {
        if (!first) w.dedent();
        w.line((first ? "if (" : "} else if (") + condition + ") {");
        w.indent();
        first = false;
      };
      for (size_t i = 0; i < scan.fields.size(); ++i) {
        const ScanField& f = scan.fields[i];
        const Column& c = src.columns[f.column];
        branch("key == " + cpp_string_literal(c.name));
        w.line("if (streamc::json_is_null(value)) continue;");
        {
          auto conv = w.block("if (!" + json_conversion(c.type, "r." + f.field) + ")");
          w.line("reason = {};", {bad_value_reason(c)});
          w.line("return false;");
        }
        w.line("r.{} &= ~{};", {null_word(scan, static_cast<int>(i)), mask_name(scan, f)});
        if (table && !c.key) w.line("has_value = true;");
      }
      if (table) {
        // Columns the queries do not use still decide whether a row is a delete.
        std::vector<std::string> others;
        for (size_t col = 0; col < src.columns.size(); ++col) {
          if (!src.columns[col].key && scan.slot_of(static_cast<int>(col)) < 0) {
            others.push_back("key == " + cpp_string_literal(src.columns[col].name));
          }
        }
        if (!others.empty()) {
          branch(join(others, " || "));
          w.line("if (!streamc::json_is_null(value)) has_value = true;");
        }
      }
      if (!first) {
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
  const SourceDef& src = source_of(plan, scan.source);
  const Table* table = scan.table >= 0 ? &plan.tables[scan.table] : nullptr;
  if (table) {
    w.line("// Loads the table {} from its file to its end: a later row with the same key", {comment_text(src.name)});
    w.line("// replaces the earlier; a row whose non-key columns are all NULL deletes the key.");
  } else {
    w.line("// Reads {} to its end and feeds each record to the pipelines that read it.", {comment_text(src.name)});
  }
  auto fn = w.block("bool " + scan.function + "(Program& program, const streamc::Config& config)");
  std::string path_property = cpp_c_string(property_name(src, "path"));
  w.line("// Messages name the file as the query or --set gave it.");
  w.line("const std::string& shown = config.get({});", {path_property});
  w.line("const std::string path = config.path({}, STREAMC_QUERY_DIR);", {path_property});
  w.line("streamc::OnError policy = streamc::OnError::Fail;");
  w.line("streamc::parse_on_error(config.get({}), policy);", {cpp_c_string(property_name(src, "on.error"))});
  w.line("streamc::BadRecordHandler bad({}, policy, config.path({}, STREAMC_QUERY_DIR));",
         {cpp_c_string(src.name), cpp_c_string(property_name(src, "dlq.path"))});
  w.line("std::string error;");
  w.line("{} row;", {scan.row_type});
  w.line("std::string_view reason;");
  if (table) w.line("bool has_value = false;");
  emit_open(w, src);

  // What happens to a parsed record: the pipelines, or an upsert into the table.
  auto emit_dispatch = [&](const std::string& raw) {
    w.line("Step step = Step::Error;");
    if (table) {
      auto ok = w.block("if (parsed)");
      std::vector<std::string> key_nulls;
      for (int k : table->key) {
        key_nulls.push_back("(row." + null_word(scan, scan.slot_of(k)) + " & " + mask_name(scan, *scan.field_of(k)) + ")");
      }
      w.line("step = Step::Next;");
      {
        auto no_key = w.block("if (" + join(key_nulls, " || ") + ")");
        w.line("++program.counters.skipped;  // a row without a key can never match: it is not kept");
        w.line("continue;");
      }
      std::string key = key_of_row(plan, *table, "row.");
      w.line("if (has_value) program.{}.upsert({}, row);", {table->member, key});
      w.line("else program.{}.erase({});", {table->member, key});
    } else {
      auto ok = w.block("if (parsed)");
      w.line("program.begin_record();");
      for (size_t i = 0; i < scan.pipelines.size(); ++i) {
        const Pipeline& pipeline = plan.pipelines[scan.pipelines[i]];
        w.line("{}step = program.{}(row);", {i == 0 ? "" : "if (step != Step::Error) ", pipeline.function});
      }
      w.line("if (step == Step::Error) reason = program.error();");
    }
    auto failed = w.block("if (step == Step::Error && !bad.handle(shown, reader.line_number(), " + raw + ", reason))");
    w.line("return false;");
  };
  std::string more = table ? "" : "!program.done() && ";
  if (src.format == Format::Json) {
    w.line("simdjson::ondemand::parser parser;");
    w.line("std::string_view line;");
    auto loop = w.block("while (" + more + "reader.next_line(line))");
    w.line("if (line.find_first_not_of(\" \\t\") == std::string_view::npos) continue;");
    w.line("++program.counters.read;");
    w.line("const bool parsed = {}(parser, line, row, reason{});", {scan.parse_function, table ? ", has_value" : ""});
    emit_dispatch("line");
  } else {
    w.line("std::vector<streamc::CsvField> fields;");
    w.line("// The header names the fields; each column read is found by name once.");
    {
      auto header = w.block("if (reader.next(fields) != streamc::CsvStatus::Record)");
      w.line("std::fprintf(stderr, \"error: %s: the file has no header line\\n\", shown.c_str());");
      w.line("return false;");
    }
    std::vector<std::string> names;
    for (const ScanField& f : scan.fields) names.push_back(src.columns[f.column].name);
    emit_csv_positions(w, "pos", names);
    if (table) {
      std::vector<std::string> values;
      for (const Column& c : src.columns) {
        if (!c.key) values.push_back(c.name);
      }
      w.line("// Every non-key column decides whether a row holds a value or deletes its key.");
      emit_csv_positions(w, "value_pos", values);
    }
    w.line("const size_t width = fields.size();");
    auto loop = w.block("while (" + std::string(table ? "true" : "!program.done()") + ")");
    w.line("const streamc::CsvStatus status = reader.next(fields);");
    w.line("if (status == streamc::CsvStatus::End) break;");
    w.line("++program.counters.read;");
    w.line("bool parsed = false;");
    w.line("if (status == streamc::CsvStatus::Malformed) reason = reader.error_reason();");
    w.line("else if (fields.size() != width) reason = \"the record does not have as many fields as the header\";");
    w.line("else parsed = {}(fields, pos, row, reason);", {scan.parse_function});
    if (table) {
      w.line("has_value = false;");
      w.line("for (size_t i = 0; i < std::size(kValuePos); ++i) has_value = has_value || !streamc::csv_is_null(fields[value_pos[i]]);");
    }
    emit_dispatch("reader.raw_record()");
  }
  w.line("program.counters.skipped += bad.skipped();");
  w.line("return true;");
}

}  // namespace streamc
