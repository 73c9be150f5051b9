// The row structs of a program (a table's row, a stream's record: only the
// columns the queries use, with a NULL bitmask) and the names derived from
// them: NULL masks, key types and keys of rows.
#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
#include "codegen/expression_emitter.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(size_t n) { return std::to_string(n); }

}  // namespace

const SourcePlan& source_of(const Plan& plan, int index) { return plan.sources[index]; }

std::string mask_name(const RowLayout& row, const ScanField& f) {
  return row.row_type + "::" + row_null_constant(f.field);
}

void emit_null_reset(CodeWriter& w, const RowLayout& row) {
  int words = null_words(row);
  for (int k = 0; k < words; ++k) {
    std::string index = words == 1 ? "" : str(k);
    w.line("r.{} = {}::kAllNull{};", {words == 1 ? "nulls" : "nulls[" + index + "]", row.row_type, index});
  }
}

std::string property_name(const SourcePlan& source, const std::string& property) {
  return source.name + "." + property;
}

std::string key_type(const Plan& plan, const Table& table) {
  const SourcePlan& src = source_of(plan, table.source);
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
  const SourcePlan& src = source_of(plan, source);
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
      const PlanColumn& c = src.columns[f.column];
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
    if (table) {
      // streamc::kMissingRow: what a LEFT JOIN sees when the table has no row for the key.
      std::vector<std::string> sets;
      for (int k = 0; k < words; ++k) {
        sets.push_back(words == 1 ? "nulls = kAllNull;" : "nulls[" + str(k) + "] = kAllNull" + str(k) + ";");
      }
      w.line("constexpr void set_all_null() { {} }", {join(sets, " ")});
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
  }
}

}  // namespace streamc
