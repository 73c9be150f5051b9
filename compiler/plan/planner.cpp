#include <functional>
#include <set>

#include "plan/plan.h"
#include "util/strings.h"

namespace streamc {
namespace {

void collect_columns(const BoundExpr& e, int source, std::set<int>& out) {
  if (e.op == BoundOp::Column && e.source == source) out.insert(e.column);
  for (const auto& a : e.args) collect_columns(*a, source, out);
}

bool is_cpp_keyword(const std::string& s) {
  static const std::set<std::string> words = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit", "const_cast", "continue",
      "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else",
      "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int",
      "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq",
      "private", "protected", "public", "register", "reinterpret_cast", "requires", "return", "short", "signed",
      "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void",
      "volatile", "wchar_t", "while", "xor", "xor_eq", "nulls", "main", "NULL"};
  return words.count(s) > 0;
}

}  // namespace

const ScanField* Scan::field_of(int column) const {
  int slot = slot_of(column);
  return slot < 0 ? nullptr : &fields[slot];
}

int Scan::slot_of(int column) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].column == column) return static_cast<int>(i);
  }
  return -1;
}

std::string cpp_identifier(const std::string& name) {
  std::string out;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "c_" + out;
  // Names with a double underscore or _Upper are reserved for the implementation.
  if (out.find("__") != std::string::npos || (out[0] == '_')) out = "c" + out;
  if (is_cpp_keyword(out)) out += "_";
  return out;
}

std::string camel_case(const std::string& name) {
  std::string id = cpp_identifier(name), out;
  bool upper = true;
  for (char c : id) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    upper = false;
  }
  return out.empty() ? "Source" : out;
}

Plan make_plan(const BoundProgram& program) {
  Plan plan;
  plan.program = &program;
  std::map<int, int> scan_of_source;
  for (const BoundQuery& q : program.queries) {
    if (!scan_of_source.count(q.source)) {
      const SourceDef& src = program.catalog.sources()[q.source];
      Scan scan;
      scan.source = q.source;
      scan.row_type = camel_case(src.name) + "Row";
      scan.parse_function = "parse_" + cpp_identifier(to_lower(src.name));
      scan_of_source[q.source] = static_cast<int>(plan.scans.size());
      plan.scans.push_back(std::move(scan));
    }
    Scan& scan = plan.scans[scan_of_source[q.source]];
    Pipeline p;
    p.query = &q;
    p.scan = scan_of_source[q.source];
    p.name = q.sink.name.empty() ? "stdout" : q.sink.name;
    p.function = "on_" + cpp_identifier(to_lower(program.catalog.sources()[q.source].name)) + "_" +
                 std::to_string(plan.pipelines.size());
    scan.pipelines.push_back(static_cast<int>(plan.pipelines.size()));
    plan.pipelines.push_back(std::move(p));
  }
  // Column pruning: a scan reads only what its pipelines use.
  for (Scan& scan : plan.scans) {
    std::set<int> used;
    for (int p : scan.pipelines) {
      const BoundQuery& q = *plan.pipelines[p].query;
      if (q.where) collect_columns(*q.where, scan.source, used);
      for (const auto& c : q.columns) collect_columns(*c.expr, scan.source, used);
    }
    const SourceDef& src = program.catalog.sources()[scan.source];
    std::set<std::string> taken;
    for (int column : used) {
      std::string field = cpp_identifier(to_lower(src.columns[column].name));
      while (taken.count(field)) field += "_";
      taken.insert(field);
      scan.fields.push_back({column, field});
    }
  }
  return plan;
}

}  // namespace streamc
