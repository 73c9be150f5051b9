// A stream's scan: the Spec that streamc::scan_json_stream or
// streamc::scan_csv_stream (runtime/include/streamc/stream_scan.h) reads the
// stream with, the probes of the tables a JSON stream's pipelines look up by
// the record's own columns, and the reads of a query FROM a table. The loops
// are the runtime's; the Spec holds what only this stream has: its parser,
// its probes and the pipelines it feeds.
#include "codegen/cpp_literals.h"
#include "codegen/emit_source.h"
#include "codegen/expression_emitter.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string str(size_t n) { return std::to_string(n); }

// TradesRow -> Trades: the stem of a scan's generated names.
std::string scan_stem(const Scan& scan) {
  const std::string& t = scan.row_type;
  return t.size() > 3 && t.compare(t.size() - 3, 3, "Row") == 0 ? t.substr(0, t.size() - 3) : t;
}

std::string scan_spec_type(const Scan& scan) { return scan_stem(scan) + "Scan"; }
std::string lines_type(const Scan& scan) { return scan_stem(scan) + "Lines"; }
std::string probe_function(const Scan& scan) { return "probe" + scan.function.substr(scan.function.find('_')); }

// Probes the tables for a group of records, each table for the keys of the
// whole group at once (streamc::probe_group), so the hash table prefetches
// every probe's memory before it compares any and the cache misses of a
// large table overlap.
void emit_lookup_probes(CodeWriter& w, const Plan& plan, const Scan& scan) {
  w.line("// Probes the tables for up to streamc::kProbeGroup records, each table for all their keys at once.");
  auto fn = w.block("void " + probe_function(scan) + "(const Program& program, " + lines_type(scan) +
                    "::Line* records, size_t n)");
  for (int p : scan.pipelines) {
    const Pipeline& pipeline = plan.pipelines[p];
    for (const Lookup& l : pipeline.lookups) {
      if (!l.batched) continue;
      const Table& table = plan.tables[l.table];
      std::vector<std::string> parts, nulls;
      for (const auto& k : l.key) {
        const ScanField* f = scan.field_of(k->column);
        parts.push_back("r." + f->field);
        if (k->nullable) nulls.push_back("(r." + null_word(scan, scan.slot_of(k->column)) + " & " + mask_name(scan, *f) + ")");
      }
      std::string key = parts.size() == 1 ? parts[0] : key_type(plan, table) + "(" + join(parts, ", ") + ")";
      std::string body = nulls.empty() ? "key = " + key + "; return true;"
                                       : "if (" + join(nulls, " || ") + ") return false; key = " + key + "; return true;";
      w.line("streamc::probe_group(program.{}, records, n, &{}::{}, [](const {}& r, {}& key) { {} });",
             {table.member, found_type(scan), found_field(p, l), scan.row_type, key_type(plan, table), body});
    }
  }
}

// The statements that run a record `row` through the pipelines of the scan,
// in script order, and return the Step: the first failure stops.
std::vector<std::string> run_pipelines(const Plan& plan, const Scan& scan, const std::string& row,
                                       const std::string& found) {
  std::vector<std::string> out;
  // A pipeline may send a late record to the dead-letter file (Step::Late): the others still see it.
  bool late = false;
  for (int p : scan.pipelines) {
    const auto& g = plan.pipelines[p].grouping;
    late = late || (g && g->window && g->window->late == LateData::DeadLetter);
  }
  for (size_t i = 0; i < scan.pipelines.size(); ++i) {
    const Pipeline& pipeline = plan.pipelines[scan.pipelines[i]];
    const std::string owner = scan.lane ? "lane." : "program.";
    std::string call = owner + pipeline.function + "(" + row + (pipeline.batched() ? ", " + found : "") + ")";
    if (scan.pipelines.size() == 1) {
      out.push_back("return " + call + ";");
    } else if (i == 0) {
      out.push_back("Step step = " + call + ";");
    } else {
      out.push_back("if (step != Step::Error) step = " + (late ? "streamc::merge_steps(step, " + call + ")" : call) +
                    ";");
    }
  }
  if (scan.pipelines.size() != 1) out.push_back("return step;");
  return out;
}

void emit_on_record(CodeWriter& w, const Plan& plan, const Scan& scan, const std::string& param,
                    const std::string& row, const std::string& found) {
  if (scan.lane) {
    w.line("// Each thread aggregates its share of the file into a lane of its own (streamc::Lane).");
    w.line("using Lane = {};", {scan.lane->type});
    w.line("static Lane& lane(Program& program) { return program.{}; }", {scan.lane->member});
  }
  w.line("// The pipelines reading {}, in script order.", {comment_text(source_of(plan, scan.source).name)});
  auto fn = w.block(std::string("static Step on_record(") + (scan.lane ? "Lane& lane, " : "Program& program, ") +
                    (scan.lane ? "const Row& r" : param) + ")");
  for (const std::string& statement : run_pipelines(plan, scan, scan.lane ? "r" : row, found)) w.line(statement);
}

void emit_json_scan_spec(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const bool batched = scan.probes_tables;
  if (batched) {
    emit_lookup_probes(w, plan, scan);
    w.blank();
  }
  const SourcePlan& src = source_of(plan, scan.source);
  w.line("// How {} is read (streamc::{}).", {comment_text(src.name), scan.lane ? "scan_json_lanes" : "scan_json_stream"});
  auto spec = w.block("struct " + scan_spec_type(scan), "};");
  w.line("static constexpr std::string_view kName = {};", {cpp_string_literal(src.name)});
  w.line("using Lines = {};", {lines_type(scan)});
  if (scan.lane) w.line("using Row = {};", {scan.row_type});
  emit_columns(w, plan, scan);
  if (batched) {
    w.line("static constexpr bool kProbes = true;");
    w.line(scan.writes_tables ? "static constexpr bool kProbeAhead = false;  // a query of this stream writes a table"
                         : "static constexpr bool kProbeAhead = true;");
    w.line("static void probe(const Program& program, Lines::Line* records, size_t n) { {}(program, records, n); }",
           {probe_function(scan)});
    auto prefetch = w.block("static void prefetch(const Lines::Line& record)");
    for (int p : scan.pipelines) {
      for (const Lookup& l : plan.pipelines[p].lookups) {
        if (l.batched) w.line("streamc::prefetch_strings(record.found.{});", {found_field(p, l)});
      }
    }
  }
  emit_on_record(w, plan, scan, "const Lines::Line& record", "record.row", "record.found");
}

void emit_csv_scan_spec(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const SourcePlan& src = source_of(plan, scan.source);
  w.line("// How {} is read (streamc::{}).", {comment_text(src.name), scan.lane ? "scan_csv_lanes" : "scan_csv_stream"});
  auto spec = w.block("struct " + scan_spec_type(scan), "};");
  w.line("static constexpr std::string_view kName = {};", {cpp_string_literal(src.name)});
  w.line("using Row = {};", {scan.row_type});
  emit_columns(w, plan, scan);
  emit_on_record(w, plan, scan, "const Row& r", "r", "");
}

// A query FROM a table reads its rows as they are once every table is loaded;
// a RIGHT / FULL JOIN then reads the right table's rows nothing matched.
void emit_table_read(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const Table& table = plan.tables[scan.reads_table];
  w.line("// Reads the table {} as it is once every table is loaded.",
         {comment_text(source_of(plan, scan.source).name)});
  auto fn = w.block("bool " + scan.function + "(Program& program)");
  std::vector<std::string> reads = {"streamc::read_table(program, program." + table.member + ", [&](const " +
                                    table.row_type + "& row) { " + join(run_pipelines(plan, scan, "row", ""), " ") +
                                    " })"};
  for (int p : scan.pipelines) {
    const Pipeline& pipeline = plan.pipelines[p];
    if (!pipeline.unmatched_pass) continue;
    const Table& right = plan.tables[pipeline.lookups[0].table];
    reads.push_back("streamc::read_table(program, program." + right.member + ", [&](const " + right.row_type +
                    "& row) { return program." + pipeline.unmatched_function + "(row); })");
  }
  w.line("return {};", {join(reads, " &&\n       ")});
}

}  // namespace

std::string found_type(const Scan& scan) { return scan_stem(scan) + "Found"; }

std::string found_field(int pipeline, const Lookup& lookup) { return "q" + str(pipeline) + "_" + lookup.var; }

void emit_found_struct(CodeWriter& w, const Plan& plan, const Scan& scan) {
  if (!scan.probes_tables) {
    w.line("using {} = streamc::ParsedLines<{}>;", {lines_type(scan), scan.row_type});
    return;
  }
  w.line("// What the tables held for a record of {}: a row (or nullptr) per probed join.",
         {comment_text(source_of(plan, scan.source).name)});
  {
    auto found = w.block("struct " + found_type(scan), "};");
    for (int p : scan.pipelines) {
      for (const Lookup& l : plan.pipelines[p].lookups) {
        if (l.batched) w.line("const {}* {} = nullptr;", {plan.tables[l.table].row_type, found_field(p, l)});
      }
    }
  }
  w.line("using {} = streamc::ParsedLines<{}, {}>;", {lines_type(scan), scan.row_type, found_type(scan)});
}

void emit_scan_spec(CodeWriter& w, const Plan& plan, const Scan& scan) {
  if (scan.reads_table >= 0) {
    emit_table_read(w, plan, scan);
  } else if (source_of(plan, scan.source).format == Format::Json) {
    emit_json_scan_spec(w, plan, scan);
  } else {
    emit_csv_scan_spec(w, plan, scan);
  }
}

std::string scan_call(const Plan& plan, const Scan& scan) {
  if (scan.table >= 0) return "program." + plan.tables[scan.table].member + "loader.load(config, kInfo.query_dir)";
  if (scan.reads_table >= 0) return scan.function + "(program)";
  const bool json = source_of(plan, scan.source).format == Format::Json;
  const char* scan_fn = scan.lane ? (json ? "scan_json_lanes" : "scan_csv_lanes")
                                  : (json ? "scan_json_stream" : "scan_csv_stream");
  return std::string("streamc::") + scan_fn + "<" + scan_spec_type(scan) + ">(program, config, kInfo.query_dir)";
}

}  // namespace streamc
