// Plan to C++: the Program class, the run-time properties and main's wiring, filled into
// templates/program.cpp.mustache.
#include "codegen/generate.h"

#include <kainjow/mustache.hpp>

#include <algorithm>

#include "codegen/cpp_literals.h"
#include "codegen/emit_analytic.h"
#include "codegen/emit_group.h"
#include "codegen/emit_hold.h"
#include "codegen/emit_pipeline.h"
#include "codegen/emit_source.h"
#include "codegen/emit_subquery.h"
#include "codegen/templates.h"
#include "util/strings.h"

#include <streamc/connector.h>

namespace streamc {
namespace {

std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The program's run-time properties, from the property tables of the
// runtime (streamc/connector.h): the planner named those that apply and
// the values the query gave.
void emit_property_registration(CodeWriter& w, const Plan& plan) {
  if (!plan.program_properties.empty()) {
    std::vector<std::string> names;
    for (const auto& n : plan.program_properties) names.push_back(cpp_string_literal(n));
    w.line("streamc::register_program_properties(config, {{}});", {join(names, ", ")});
  }
  for (const PropertySet& set : plan.property_sets) {
    std::vector<std::string> given;
    for (const auto& [name, value] : set.given) {
      given.push_back("{" + cpp_string_literal(name) + ", " + cpp_string_literal(value) + "}");
    }
    const char* role = set.role == kTable ? "streamc::kTable" : set.role == kSink ? "streamc::kSink" : "streamc::kStream";
    w.line("streamc::register_properties(config, streamc::{}_connector(), {}, {}, {{}});",
           {set.connector, role, cpp_string_literal(set.name), join(given, ", ")});
  }
}

// One state object of the plan as Program members.
void emit_state_member(CodeWriter& w, const Plan& plan, const StateObject& state) {
  switch (state.kind) {
    case StateKind::LookupTable: {
      // A table's loader (when it has a file) fills it and counts its changes, for cached subqueries.
      const Table& t = plan.tables[state.table];
      w.line("streamc::HashTable<{}, {}> {};", {key_type(plan, t), t.row_type, t.member});
      w.line("uint64_t {} = 0;  // changes to {}", {t.version, t.member});
      if (t.scan >= 0) {
        w.line("{} {}loader{{}, {}, counters};", {loader_type(plan, plan.scans[t.scan]), t.member, t.member, t.version});
      }
      break;
    }
    case StateKind::SubqueryCache:
    case StateKind::SubqueryIndex: emit_subquery_members(w, plan, plan.subqueries[state.subquery]); break;
    case StateKind::MatchedKeys:
      w.line("// The keys of {} a row matched (RIGHT / FULL JOIN).", {plan.tables[state.table].member});
      w.line("streamc::HashTable<{}, streamc::Present> {};", {key_type(plan, plan.tables[state.table]), state.member});
      break;
    case StateKind::GroupState: {
      const Grouping& g = *plan.pipelines[state.pipeline].grouping;
      w.line("streamc::HashTable<{}, {}> {};", {g.key_type, g.group_type, g.member});
      break;
    }
    case StateKind::WindowState: {
      const Grouping& g = *plan.pipelines[state.pipeline].grouping;
      const WindowPlan& window = *g.window;
      if (window.kind == WindowKind::Session) {
        w.line("// {}: gap, grace and the watermark's delay, in milliseconds.", {window.text});
        w.line("streamc::SessionGroups<{}, {}> {}{{}, {}, {}};",
               {g.key_type, g.group_type, g.member, std::to_string(window.gap), std::to_string(window.grace),
                std::to_string(window.delay)});
        break;
      }
      w.line("// {}: size, advance, grace and the watermark's delay, in milliseconds.", {window.text});
      w.line("streamc::WindowGroups<{}, {}> {}{{}, {}, {}, {}{}};",
             {g.key_type, g.group_type, g.member, std::to_string(window.size), std::to_string(window.advance),
              std::to_string(window.grace), std::to_string(window.delay),
              window.kind == WindowKind::Cumulate ? ", /*cumulate=*/true" : ""});
      break;
    }
    case StateKind::DistinctValues: {
      const Grouping& g = *plan.pipelines[state.pipeline].grouping;
      for (const auto& [member, type] : g.distinct_sets) {
        if (member != state.member) continue;
        if (g.window) {
          w.line("streamc::WindowDistinct<{}> {};  // freed as its windows close", {type, member});
        } else {
          w.line("streamc::HashTable<{}, streamc::Present> {};", {type, member});
        }
      }
      break;
    }
    case StateKind::RowBuffer: {
      for (const Analytic& a : plan.pipelines[state.pipeline].analytics) {
        if (a.member == state.member) w.line("{};", {analytic_member(a)});
      }
      break;
    }
    case StateKind::HeldRecords:
      w.line("{};", {held_member(*plan.pipelines[state.pipeline].holding)});
      break;
    case StateKind::LimitCounter:
      w.line("uint64_t {} = 0;  // records written, for LIMIT {}",
             {state.member, std::to_string(*plan.pipelines[state.pipeline].limit)});
      break;
  }
}

// A scan whose queries aggregate per thread: one thread's groups and the
// pipelines that fill them (streamc::Lane, lanes.h).
void emit_lane_struct(CodeWriter& w, const Plan& plan, const Scan& scan) {
  const LanePlan& lane = *scan.lane;
  w.line("// What one thread keeps while it reads its share of {} (streamc::Lane): the groups of the",
         {comment_text(plan.sources[scan.source].name)});
  w.line("// queries over it, merged into the Program's once the file has been read.");
  auto cls = w.block("struct " + lane.type + " : streamc::Lane", "};");
  std::vector<std::string> merges, numbers;
  for (const StateObject& state : plan.states) {
    if (state.lane != lane.member) continue;
    emit_state_member(w, plan, state);
    merges.push_back("streamc::merge_groups(" + state.member + ", other." + state.member + ")");
    numbers.push_back("streamc::number_groups(" + state.member + ");");
  }
  w.blank();
  for (int p : scan.pipelines) w.line("Step {}(const {}& r);", {plan.pipelines[p].function, scan.row_type});
  w.line("// Another thread's groups into these: false when a SUM overflows.");
  w.line("bool merge({}& other) { return {}; }", {lane.type, join(merges, " && ")});
  w.line("// Each query's groups numbered in the order they first appeared.");
  w.line("void number_groups() { {} }", {join(numbers, " ")});
}

void emit_program_class(CodeWriter& w, const Plan& plan) {
  std::vector<SinkSlot> slots = sink_slots(plan);
  int with_limit = 0;
  for (const Pipeline& p : plan.pipelines) with_limit += p.limit ? 1 : 0;
  bool all_limited = with_limit == static_cast<int>(plan.pipelines.size());
  w.line("// The state of the program: its sinks, tables and caches (streamc::ProgramBase: counters,");
  w.line("// per-record scratch space, opening and closing the sinks).");
  auto cls = w.block("class Program : public streamc::ProgramBase", "};");
  w.dedent();
  w.line(" public:");
  w.indent();
  if (all_limited) {
    w.line("// Every pipeline has a LIMIT: reading stops once all are reached.");
    w.line("bool done() const { return done_ == {}; }", {std::to_string(with_limit)});
  }
  bool stats = false;
  for (const std::string& p : plan.program_properties) stats = stats || p == "stats";
  if (stats) {
    w.line("// --set stats=true: what each table, the groups and the row buffers hold, and their memory.");
    auto print = w.block("void print_table_stats() const");
    for (const Table& t : plan.tables) {
      const std::string& name = plan.sources[t.source].name;
      w.line("streamc::print_table_stats(stderr, {}, {}.size(), {}.memory_bytes());",
             {cpp_c_string(name), t.member, t.member});
    }
    for (const StateObject& s : plan.states) {
      if (s.kind != StateKind::GroupState && s.kind != StateKind::RowBuffer && s.kind != StateKind::WindowState &&
          s.kind != StateKind::DistinctValues && s.kind != StateKind::HeldRecords) {
        continue;
      }
      const std::string member = s.lane.empty() ? s.member : s.lane + "." + s.member;
      w.line("streamc::print_state_stats(stderr, {}, {}, {}.size(), {}.memory_bytes());",
             {cpp_c_string(s.member), cpp_c_string(to_string(s.kind)), member, member});
    }
  }
  std::vector<std::string> loaders;
  for (const Table& t : plan.tables) {
    if (t.scan >= 0) loaders.push_back(t.member + "loader");
  }
  if (!loaders.empty()) {
    w.line("bool any_watched() const { return streamc::any_watching({}); }", {join(loaders, ", ")});
    w.line("bool poll_tables() { return streamc::poll_watched(last_poll_ms_, {}); }", {join(loaders, ", ")});
  }
  w.blank();
  for (const Pipeline& p : plan.pipelines) {
    const Scan& scan = plan.scans[p.scan];
    if (!plan.lane_of(p)) {
      w.line("Step {}(const {}& r{});",
             {p.function, scan.row_type, p.batched() ? ", const " + found_type(scan) + "& found" : ""});
    }
    if (p.unmatched_pass) {
      w.line("Step {}(const {}& row);", {p.unmatched_function, plan.tables[p.lookups[0].table].row_type});
    }
    if (p.grouping && p.grouping->window) {
      w.line("Step {}(streamc::WindowBounds window, const {}& key, {}& g);",
             {p.grouping->window->row_function, p.grouping->key_type, p.grouping->group_type});
      if (!p.grouping->window->retract_function.empty()) {
        w.line("Step {}(streamc::WindowBounds window, const {}& key, {}& g);",
               {p.grouping->window->retract_function, p.grouping->key_type, p.grouping->group_type});
      }
    }
    if (p.grouping && p.grouping->emit == Emit::Final) w.line("bool {}();", {p.grouping->emit_function});
    if (p.holding) {
      w.line("Step {}(const {}& ring, size_t i);", {p.holding->write_function, held_ring_type(*p.holding)});
      w.line("bool {}();", {p.holding->flush_function});
    }
  }
  w.blank();
  w.line("// What the program keeps between records: the plan's state objects.");
  for (const StateObject& state : plan.states) {
    if (state.lane.empty()) emit_state_member(w, plan, state);
  }
  for (const Scan& scan : plan.scans) {
    if (scan.lane) {
      w.line("// The groups of the queries over {}; the other threads' merge into them.",
             {comment_text(plan.sources[scan.source].name)});
      w.line("{} {};", {scan.lane->type, scan.lane->member});
    }
  }
  if (with_limit) {
    int zero_limits = 0;
    for (const Pipeline& p : plan.pipelines) zero_limits += p.limit && *p.limit == 0;
    w.line("int done_ = {};  // pipelines whose LIMIT is reached", {std::to_string(zero_limits)});
  }
  if (!slots.empty()) {
    w.blank();
    w.dedent();
    w.line(" private:");
    w.indent();
  }
  for (const SinkSlot& s : slots) {
    // The path's property (none: standard output) and the CSV header.
    std::string property = s.sink->kind == SinkKind::Stdout ? "" : s.sink->name + ".path";
    w.line("streamc::Sink {}{*this, {}, {}};",
           {s.member, cpp_string_literal(property), cpp_string_literal(csv_header(plan, s))});
  }
}

}  // namespace

std::string generate_cpp(const Plan& plan, const GenerateOptions& options) {
  CodeWriter rows, parsers, program_class, pipelines, scans, defaults;
  for (const Table& table : plan.tables) {
    emit_row_struct(rows, plan, table, table.source, true);
    rows.blank();
  }
  for (const Scan& scan : plan.scans) {
    if (scan.table < 0 && scan.reads_table < 0) {
      emit_row_struct(rows, plan, scan, scan.source, false);
      rows.blank();
    }
  }
  for (const Pipeline& p : plan.pipelines) {
    if (p.grouping) {
      emit_group_struct(rows, plan, p);
      rows.blank();
    }
    if (!p.analytics.empty()) {
      emit_analytic_types(rows, p);
      rows.blank();
    }
    if (p.holding) {
      emit_held_types(rows, p);
      rows.blank();
    }
  }
  for (const Scan& scan : plan.scans) {
    if (scan.lane) {
      emit_lane_struct(rows, plan, scan);
      rows.blank();
    }
  }
  rows.blank();
  for (const Scan& scan : plan.scans) {
    if (scan.reads_table >= 0) continue;
    if (scan.table >= 0) {
      emit_table_spec(parsers, plan, scan);
      parsers.blank();
    } else if (plan.sources[scan.source].format == Format::Json) {
      emit_found_struct(parsers, plan, scan);
      parsers.blank();
    }
  }
  for (const Scan& scan : plan.scans) {
    if (scan.table >= 0) continue;
    emit_scan_spec(scans, plan, scan);
    scans.blank();
  }
  emit_program_class(program_class, plan);
  for (const Pipeline& p : plan.pipelines) {
    emit_pipeline_function(pipelines, plan, p);
    pipelines.blank();
    if (p.unmatched_pass) {
      emit_unmatched_function(pipelines, plan, p);
      pipelines.blank();
    }
  }
  emit_subquery_refresh(pipelines, plan);
  // Run-time properties: every WITH property that --set may override.
  defaults.indent();
  emit_property_registration(defaults, plan);
  // Tables are loaded to their end before the first stream record (load-phase scans come first).
  std::string scan_calls;
  for (const Scan& scan : plan.scans) {
    if (!scan_calls.empty()) scan_calls += " &&\n";
    scan_calls += scan_call(plan, scan);
  }
  // EMIT FINAL: the groups, once every stream has ended.
  for (const Pipeline& p : plan.pipelines) {
    if (p.grouping && p.grouping->emit == Emit::Final) scan_calls += " &&\nprogram." + p.grouping->emit_function + "()";
  }
  // LEAD: the records still held, once every stream has ended.
  for (const Pipeline& p : plan.pipelines) {
    if (p.holding) scan_calls += " &&\nprogram." + p.holding->flush_function + "()";
  }
  kainjow::mustache::mustache tmpl{std::string(kProgramTemplate)};
  kainjow::mustache::data data;
  // The banner is a comment: only printable text goes there.
  std::string file = comment_text(base_name(options.query_file));
  data.set("query_file", file.substr(1, file.size() - 2));
  std::string name = comment_text(plan.name);
  data.set("name", name.substr(1, name.size() - 2));
  if (!plan.version.empty()) {
    std::string version = comment_text(plan.version);
    data.set("version", version.substr(1, version.size() - 2));
  }
  std::string description = comment_text(plan.description);
  data.set("description", description.substr(1, description.size() - 2));
  data.set("rows", rows.str());
  data.set("parsers", parsers.str());
  data.set("program_class", program_class.str());
  data.set("pipelines", pipelines.str());
  data.set("scans", scans.str());
  data.set("config_defaults", defaults.str());
  data.set("scan_calls", scan_calls);
  data.set("info_name", cpp_string_literal(plan.name));
  data.set("info_version", cpp_string_literal(plan.version));
  data.set("info_query_file", cpp_string_literal(base_name(options.query_file)));
  data.set("info_description", cpp_string_literal(plan.description));
  std::string code = tmpl.render(data);
  if (!tmpl.is_valid()) throw std::runtime_error("program template: " + tmpl.error_message());
  return options.format ? format_cpp(code) : code;
}

}  // namespace streamc
