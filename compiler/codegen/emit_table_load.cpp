// A table loaded from its own file: the Spec that streamc::CsvTableLoader or
// streamc::JsonTableLoader (runtime/include/streamc/table_loader.h) reads it
// with. The loop, the header, the chunked load and watching the file are the
// runtime's; the Spec holds what only this table has.
#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
#include "codegen/expression_emitter.h"
#include "util/strings.h"

namespace streamc {
namespace {

// `std::array<std::string_view, 2> kColumns = {"a"sv, "b"sv};`
void emit_names(CodeWriter& w, const std::string& constant, const std::vector<std::string>& names) {
  std::vector<std::string> literals;
  for (const auto& n : names) literals.push_back(cpp_string_literal(n));
  w.line("static constexpr std::array<std::string_view, {}> {} = {{}};",
         {std::to_string(names.size()), constant, join(literals, ", ")});
}

}  // namespace

std::string table_spec_type(const Plan& plan, const Scan& scan) {
  return camel_case(source_of(plan, scan.source).name) + "Table";
}

std::string loader_type(const Plan& plan, const Scan& scan) {
  const char* loader = source_of(plan, scan.source).format == Format::Json ? "JsonTableLoader" : "CsvTableLoader";
  return std::string("streamc::") + loader + "<" + table_spec_type(plan, scan) + ">";
}

void emit_table_spec(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourcePlan& src = source_of(plan, scan.source);
  const Table& table = plan.tables[scan.table];
  w.line("// How the table {} is read from its file (streamc::{}).",
         {comment_text(src.name), src.format == Format::Json ? "JsonTableLoader" : "CsvTableLoader"});
  auto spec = w.block("struct " + table_spec_type(plan, scan), "};");
  w.line("using Row = {};", {scan.row_type});
  w.line("using Key = {};", {key_type(plan, table)});
  w.line("static constexpr std::string_view kName = {};", {cpp_string_literal(src.name)});
  w.line(table.key_only ? "static constexpr bool kKeyOnly = true;  // every column is key: every record inserts"
                  : "static constexpr bool kKeyOnly = false;");
  std::vector<std::string> values;
  for (const PlanColumn& c : src.columns) {
    if (!c.key) values.push_back(c.name);
  }
  w.line("// Every non-key column: a record without a value in any deletes its key.");
  emit_names(w, "kValueColumns", values);
  emit_columns(w, plan, scan);
  std::vector<std::string> nulls;
  for (int k : table.key) {
    nulls.push_back("(r." + null_word(scan, scan.slot_of(k)) + " & " + mask_name(scan, *scan.field_of(k)) + ")");
  }
  w.line("static bool key_null(const Row& r) { return {}; }", {join(nulls, " || ")});
  w.line("static Key key(const Row& r) { return {}; }", {key_of_row(plan, table, "r.")});
}

}  // namespace streamc
