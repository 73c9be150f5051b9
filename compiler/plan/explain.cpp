// `streamc explain`: the sources with their schemas, and each pipeline as
// Scan → Filter → Project → Limit → Sink.
#include <sstream>

#include "plan/plan.h"

namespace streamc {
namespace {

const char* format_name(Format f) { return f == Format::Csv ? "csv" : "json"; }

void explain_columns(std::ostringstream& out, const SourceDef& src, const RowLayout& row) {
  for (size_t i = 0; i < src.columns.size(); ++i) {
    const Column& c = src.columns[i];
    const ScanField* f = row.field_of(static_cast<int>(i));
    out << "    " << c.name << " " << c.type.to_string() << (c.key ? " KEY" : c.nullable ? "" : " NOT NULL")
        << (f ? "" : "  (not used)") << "\n";
  }
}

std::string origin(const SourceDef& src) {
  std::string out = std::string(format_name(src.format)) + " file '" + src.path + "'";
  return out + (src.schema_discovered ? ", schema discovered from the file" : ", declared schema");
}

void explain_filters(std::ostringstream& out, const std::vector<const BoundExpr*>& filters) {
  for (const BoundExpr* f : filters) out << "    Filter " << f->text << "\n";
}

}  // namespace

std::string explain(const Plan& plan) {
  const BoundProgram& program = *plan.program;
  std::ostringstream out;
  out << "program " << program.name;
  if (!program.version.empty()) out << " (version " << program.version << ")";
  out << "\n\nsources:\n";
  for (const Table& t : plan.tables) {
    const SourceDef& src = program.catalog.sources()[t.source];
    out << "  table " << src.name << ": ";
    if (src.producer >= 0) out << "made by a query (CREATE TABLE AS)";
    else out << origin(src);
    out << "; loaded before the streams are read\n";
    explain_columns(out, src, t);
  }
  for (const Scan& scan : plan.scans) {
    if (scan.table >= 0) continue;
    const SourceDef& src = program.catalog.sources()[scan.source];
    bool also_table = plan.table_of(scan.source) >= 0;
    if (also_table) continue;
    out << "  " << (src.kind == SourceKind::Table ? "table" : "stream") << " " << src.name << ": " << origin(src) << "\n";
    explain_columns(out, src, scan);
  }
  out << "\npipelines:\n";
  for (const Pipeline& p : plan.pipelines) {
    const BoundQuery& q = *p.query;
    const SourceDef& src = program.catalog.sources()[q.source];
    const Scan& scan = plan.scans[p.scan];
    out << "  " << p.function << (scan.load_phase ? " (fills a table before the streams are read)" : "") << ":\n";
    out << "    " << (scan.reads_table >= 0 ? "ReadTable " : "Scan ") << src.name << " [";
    for (size_t i = 0; i < scan.fields.size(); ++i) {
      out << (i ? ", " : "") << src.columns[scan.fields[i].column].name;
    }
    out << "]\n";
    explain_filters(out, p.filters[0]);
    for (size_t i = 0; i < p.lookups.size(); ++i) {
      const Lookup& l = p.lookups[i];
      const Table& t = plan.tables[l.table];
      const SourceDef& table = program.catalog.sources()[t.source];
      const BoundRelation& rel = q.relations[l.join->relation];
      const char* kind = l.join->kind == JoinKind::Left ? "LEFT " : l.join->kind == JoinKind::Right ? "RIGHT "
                         : l.join->kind == JoinKind::Full ? "FULL " : "";
      out << "    LookupJoin " << kind << table.name
          << (rel.alias != table.name ? " " + rel.alias : "") << " key (";
      for (size_t k = 0; k < t.key.size(); ++k) {
        out << (k ? ", " : "") << table.columns[t.key[k]].name << " = " << l.join->key[k]->text;
      }
      out << ")";
      if (l.join->residual) out << " and " << l.join->residual->text;
      out << "\n";
      explain_filters(out, p.filters[i + 1]);
    }
    out << "    Project ";
    for (size_t i = 0; i < q.columns.size(); ++i) {
      const OutputColumn& c = q.columns[i];
      out << (i ? ", " : "") << c.name << " " << c.expr->type.to_string() << (c.key ? " KEY" : "");
    }
    out << "\n";
    if (q.limit) out << "    Limit " << *q.limit << "\n";
    out << "    Sink ";
    if (q.sink.kind == SinkKind::Stdout) out << "stdout (" << format_name(q.sink.format) << ")\n";
    else if (q.sink.kind == SinkKind::Table) out << "table " << q.sink.name << " (upsert by key)\n";
    else out << q.sink.name << ": " << format_name(q.sink.format) << " file '" << q.sink.path << "'\n";
  }
  return out.str();
}

namespace {

// A Graphviz label: quotes and backslashes escaped, one line.
std::string dot_label(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string explain_dot(const Plan& plan) {
  const BoundProgram& program = *plan.program;
  const std::string br = "\\n";  // a line break inside a Graphviz label
  std::ostringstream out;
  out << "digraph \"" << dot_label(program.name) << "\" {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n";
  for (size_t i = 0; i < plan.scans.size(); ++i) {
    const SourceDef& src = program.catalog.sources()[plan.scans[i].source];
    out << "  scan" << i << " [shape=cylinder, label=\"" << dot_label(src.name) << br << dot_label(src.path)
        << "\"];\n";
  }
  for (size_t i = 0; i < plan.pipelines.size(); ++i) {
    const Pipeline& p = plan.pipelines[i];
    const BoundQuery& q = *p.query;
    std::string label = dot_label(p.function);
    if (q.where) label += br + "Filter " + dot_label(q.where->text);
    label += br + "Project " + std::to_string(q.columns.size()) + " columns";
    if (q.limit) label += br + "Limit " + std::to_string(*q.limit);
    out << "  pipeline" << i << " [label=\"" << label << "\"];\n";
    std::string sink = q.sink.kind == SinkKind::Stdout ? "stdout" : dot_label(q.sink.name) + br + dot_label(q.sink.path);
    out << "  sink" << i << " [shape=note, label=\"" << sink << "\"];\n";
    out << "  scan" << p.scan << " -> pipeline" << i << ";\n  pipeline" << i << " -> sink" << i << ";\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace streamc
