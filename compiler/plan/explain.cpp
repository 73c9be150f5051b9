// `streamc explain`: the sources with their schemas, each pipeline's
// operators in order (Scan, Limit, Filter, LookupJoin, Project, Sink) and the
// state the program keeps, with what changes it.
#include <sstream>

#include "plan/plan.h"
#include "util/strings.h"

namespace streamc {
namespace {

const char* format_name(Format f) { return f == Format::Csv ? "csv" : "json"; }

void explain_columns(std::ostringstream& out, const SourcePlan& src, const RowLayout& row) {
  for (size_t i = 0; i < src.columns.size(); ++i) {
    const PlanColumn& c = src.columns[i];
    const ScanField* f = row.field_of(static_cast<int>(i));
    out << "    " << c.name << " " << c.type.to_string() << (c.key ? " KEY" : c.nullable ? "" : " NOT NULL")
        << (f ? "" : "  (not used)") << "\n";
  }
}

std::string origin(const SourcePlan& src) {
  std::string out = std::string(format_name(src.format)) + " file '" + src.path + "'";
  return out + (src.schema_discovered ? ", schema discovered from the file" : ", declared schema");
}

void explain_operator(std::ostringstream& out, const Plan& plan, const Pipeline& p, const Operator& op,
                      const SourcePlan& src, const Scan& scan) {
  switch (op.kind) {
    case OpKind::Scan:
      out << "    " << (scan.reads_table >= 0 ? "ReadTable " : "Scan ") << src.name << " [";
      for (size_t i = 0; i < scan.fields.size(); ++i) out << (i ? ", " : "") << src.columns[scan.fields[i].column].name;
      out << "]\n";
      break;
    case OpKind::Limit: out << "    Limit " << *p.limit << "\n"; break;
    case OpKind::Filter: out << "    Filter " << p.filters[op.index]->text << "\n"; break;
    case OpKind::Lookup: {
      const Lookup& l = p.lookups[op.index];
      const Table& t = plan.tables[l.table];
      const SourcePlan& table = plan.sources[t.source];
      const char* kind = l.kind == JoinKind::Left ? "LEFT " : l.kind == JoinKind::Right ? "RIGHT "
                         : l.kind == JoinKind::Full ? "FULL " : "";
      out << "    LookupJoin " << kind << table.name << (l.alias != table.name ? " " + l.alias : "") << " key (";
      for (size_t k = 0; k < t.key.size(); ++k) {
        out << (k ? ", " : "") << table.columns[t.key[k]].name << " = " << l.key[k]->text;
      }
      out << ")";
      if (l.residual) out << " and " << l.residual->text;
      out << (l.batched ? ", probed by the scan for groups of records" : "") << "\n";
      break;
    }
    case OpKind::Aggregate: {
      const Grouping& g = *p.grouping;
      out << "    Aggregate by (";
      for (size_t i = 0; i < g.keys.size(); ++i) out << (i ? ", " : "") << g.keys[i]->text;
      out << "):";
      for (size_t i = 0; i < g.aggregates.size(); ++i) out << (i ? ", " : " ") << g.aggregates[i]->text;
      out << "\n";
      break;
    }
    case OpKind::Emit:
      if (p.grouping->window) {
        out << "    Emit " << (p.grouping->emit == Emit::Final ? "FINAL: each group of a window once, when it closes"
                                                               : "CHANGES: the group's new row per window, per record")
            << "\n";
        break;
      }
      out << "    Emit " << (p.grouping->emit == Emit::Final ? "FINAL: each group once, at the end of input"
                                                             : "CHANGES: the group's new row, per record")
          << "\n";
      break;
    case OpKind::WindowAssign: {
      const WindowPlan& w = *p.grouping->window;
      out << "    WindowAssign " << w.text << " on "
          << (w.time ? w.time->text + " (" + w.time_origin + ")" : std::string("processing time"))
          << "; a record whose windows have closed is late: "
          << (w.late == LateData::DeadLetter ? "dead-lettered" : "dropped") << "\n";
      break;
    }
    case OpKind::Watermark: {
      const WindowPlan& w = *p.grouping->window;
      out << "    Watermark: the largest event time seen"
          << (w.delay ? " minus " + format_duration(w.delay) : std::string()) << "; a window closes when it passes"
          << " the window's end" << (w.grace ? " plus " + format_duration(w.grace) : std::string()) << "\n";
      break;
    }
    case OpKind::Having: out << "    Having " << p.grouping->having->text << "\n"; break;
    case OpKind::Analytic:
      out << "    Analytic";
      for (size_t i = 0; i < p.analytics.size(); ++i) out << (i ? ", " : " ") << p.analytics[i].node->text;
      out << "\n";
      break;
    case OpKind::Hold:
      if (p.holding->whole) {
        out << "    Hold: every record waits in its partition until the input ends (PERCENT_RANK, CUME_DIST, "
               "NTILE)\n";
      } else {
        out << "    Hold: a record waits in its partition for the " << p.holding->ahead
            << " record(s) after it (LEAD); the rest are written at end of input\n";
      }
      break;
    case OpKind::Project:
      out << "    Project ";
      for (size_t i = 0; i < p.columns.size(); ++i) {
        const OutputPlan& c = p.columns[i];
        out << (i ? ", " : "") << c.name << " " << c.expr->type.to_string() << (c.key ? " KEY" : "");
      }
      out << "\n";
      break;
    case OpKind::Sink:
      out << "    Sink ";
      if (p.sink.kind == SinkKind::Stdout) out << "stdout (" << format_name(p.sink.format) << ")\n";
      else if (p.sink.kind == SinkKind::Table) out << "table " << p.sink.name << " (upsert by key)\n";
      else out << p.sink.name << ": " << format_name(p.sink.format) << " file '" << p.sink.path << "'\n";
      break;
  }
}

}  // namespace

std::string explain(const Plan& plan) {
  std::ostringstream out;
  out << "program " << plan.name;
  if (!plan.version.empty()) out << " (version " << plan.version << ")";
  out << "\n\nsources:\n";
  for (const Table& t : plan.tables) {
    const SourcePlan& src = plan.sources[t.source];
    out << "  table " << src.name << ": ";
    if (src.made_by_query) out << "made by a query (CREATE TABLE AS)";
    else out << origin(src);
    out << "; loaded before the streams are read\n";
    explain_columns(out, src, t);
  }
  for (const Scan& scan : plan.scans) {
    if (scan.table >= 0) continue;
    const SourcePlan& src = plan.sources[scan.source];
    bool also_table = plan.table_of(scan.source) >= 0;
    if (also_table) continue;
    out << "  " << (src.kind == SourceKind::Table ? "table" : "stream") << " " << src.name << ": " << origin(src) << "\n";
    explain_columns(out, src, scan);
    if (scan.lane) {
      out << "    aggregated per thread: each thread's groups (" << scan.lane->type
          << ") merge once a file has been read\n";
    }
  }
  out << "\npipelines:\n";
  for (const Pipeline& p : plan.pipelines) {
    const SourcePlan& src = plan.sources[p.source];
    const Scan& scan = plan.scans[p.scan];
    out << "  " << p.function << (scan.load_phase ? " (fills a table before the streams are read)" : "") << ":\n";
    for (const Operator& op : p.operators) explain_operator(out, plan, p, op, src, scan);
  }
  if (!plan.states.empty()) out << "\nstate:\n";
  for (const StateObject& s : plan.states) {
    out << "  " << (s.lane.empty() ? "" : s.lane + ".") << s.member << ": " << to_string(s.kind) << ", "
        << to_string(s.trigger) << " (" << s.note << ")\n";
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
  const std::string br = "\\n";  // a line break inside a Graphviz label
  std::ostringstream out;
  out << "digraph \"" << dot_label(plan.name) << "\" {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n";
  for (size_t i = 0; i < plan.scans.size(); ++i) {
    const SourcePlan& src = plan.sources[plan.scans[i].source];
    out << "  scan" << i << " [shape=cylinder, label=\"" << dot_label(src.name) << br << dot_label(src.path)
        << "\"];\n";
  }
  for (size_t i = 0; i < plan.pipelines.size(); ++i) {
    const Pipeline& p = plan.pipelines[i];
    const Pipeline& q = p;
    std::string label = dot_label(p.function);
    for (const Operator& op : p.operators) {
      if (op.kind == OpKind::Limit) label += br + "Limit " + std::to_string(*q.limit);
      if (op.kind == OpKind::Filter) label += br + "Filter " + dot_label(p.filters[op.index]->text);
      if (op.kind == OpKind::Lookup) label += br + "LookupJoin " + dot_label(p.lookups[op.index].alias);
      if (op.kind == OpKind::Aggregate) label += br + "Aggregate " + std::to_string(q.grouping->aggregates.size());
      if (op.kind == OpKind::Emit) label += br + (q.grouping->emit == Emit::Final ? "Emit FINAL" : "Emit CHANGES");
      if (op.kind == OpKind::Analytic) label += br + "Analytic " + std::to_string(q.analytics.size());
      if (op.kind == OpKind::Hold) {
        label += br + (q.holding->whole ? std::string("Hold to the end") : "Hold " + std::to_string(q.holding->ahead) + " ahead");
      }
      if (op.kind == OpKind::Having) label += br + "Having " + dot_label(q.grouping->having->text);
      if (op.kind == OpKind::Project) label += br + "Project " + std::to_string(q.columns.size()) + " columns";
    }
    out << "  pipeline" << i << " [label=\"" << label << "\"];\n";
    std::string sink = q.sink.kind == SinkKind::Stdout ? "stdout" : dot_label(q.sink.name) + br + dot_label(q.sink.path);
    out << "  sink" << i << " [shape=note, label=\"" << sink << "\"];\n";
    out << "  scan" << p.scan << " -> pipeline" << i << ";\n  pipeline" << i << " -> sink" << i << ";\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace streamc
