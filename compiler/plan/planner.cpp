// The planner: bound program to plan, deciding every scan, table, operator, state object, name and
// property.
#include <algorithm>
#include <set>

#include "ir/expr_fields.h"
#include "plan/plan.h"
#include "sema/bound_program.h"
#include "util/strings.h"

#include <streamc/connector.h>

namespace streamc {
namespace {

// Columns of relation `relation` an expression reads.
void collect_columns(const Expr& e, int relation, std::set<int>& out) {
  for_each_expr(e, [&](const Expr& x) {
    if (x.op == ExprOp::Column && x.source == relation) out.insert(x.column);
  });
}

// The columns a subquery's index is keyed by are read from the table too.
void collect_index_columns(const Expr& e, int relation, std::set<int>& out) {
  for_each_expr(e, [&](const Expr& x) {
    if (x.subquery && x.subquery->relation == relation) {
      for (int c : x.subquery->index_columns) out.insert(c);
    }
  });
}

void collect_query_columns(const BoundQuery& q, int relation, std::set<int>& out) {
  if (q.where) collect_index_columns(*q.where, relation, out);
  for (const auto& c : q.columns) collect_index_columns(*c.expr, relation, out);
  if (q.where) collect_columns(*q.where, relation, out);
  for (const auto& c : q.columns) collect_columns(*c.expr, relation, out);
  for (const auto& j : q.joins) {
    for (const auto& k : j.key) collect_columns(*k, relation, out);
    if (j.residual) collect_columns(*j.residual, relation, out);
  }
  for (const auto& k : q.group_keys) collect_columns(*k, relation, out);
  for (const auto& a : q.aggregates) collect_columns(*a, relation, out);
  for (const auto& a : q.analytics) collect_columns(*a, relation, out);
  if (q.window && q.window->time) collect_columns(*q.window->time, relation, out);
}

// What a row analytic keeps per partition, for explain.
std::string analytic_state_note(const Expr& e) {
  const auto rows = [&](int n) { return n < 0 ? std::string("every row so far") : "the last " + std::to_string(n + 1) + " rows"; };
  if (e.op == ExprOp::Lead) return "nothing (the records are held)";
  if (e.op == ExprOp::Lag) return "the last " + std::to_string(e.column) + " value(s) of " + e.args[0]->text;
  switch (e.analytic) {
    case AnalyticKind::RowNumber: return "the rows so far";
    case AnalyticKind::Rank:
    case AnalyticKind::DenseRank:
    case AnalyticKind::PercentRank:
    case AnalyticKind::CumeDist: return "the rows, ranks and last ORDER BY values so far";
    case AnalyticKind::Ntile: return "nothing (the records are held)";
    case AnalyticKind::FirstValue: return "the first value of " + e.args[0]->text + " in " + rows(e.column);
    case AnalyticKind::LastValue: return "nothing";
    case AnalyticKind::NthValue: return "the " + std::to_string(e.column) + "-th value of " + e.args[0]->text;
    case AnalyticKind::Running:
      return e.column < 0 ? std::string("the ") + to_string(e.agg) + " of every row so far"
                          : "the values of " + e.args[0]->text + " in " + rows(e.column);
  }
  return "?";
}

// Whether an expression reads one of the analytics in `delayed` (by AnalyticRef).
bool reads_delayed(const Expr& e, const std::set<int>& delayed) {
  bool found = false;
  for_each_expr(e, [&](const Expr& x) { found = found || (x.op == ExprOp::AnalyticRef && delayed.count(x.column)); });
  return found;
}

// `e` over what a held record keeps: each largest part that reads no LEAD
// (and is not a literal) becomes a HeldRef to a value of `values`, computed
// when the record arrives (equal parts are held once).
ExprPtr over_held(ExprPtr e, const std::set<int>& delayed, std::vector<ExprPtr>& values) {
  if (e->is_literal()) return e;
  if (!reads_delayed(*e, delayed)) {
    const std::string key = structural_key(*e);
    size_t i = 0;
    while (i < values.size() && structural_key(*values[i]) != key) ++i;
    auto ref = std::make_unique<Expr>();
    ref->op = ExprOp::HeldRef;
    ref->type = e->type;
    ref->nullable = e->nullable;
    ref->range = e->range;
    ref->text = e->text;
    ref->column = static_cast<int>(i);
    if (i == values.size()) values.push_back(std::move(e));
    return ref;
  }
  for (auto& a : e->args) a = over_held(std::move(a), delayed, values);
  return e;
}

// LEAD: the pipeline holds its records until their LEADs are known; its
// columns then read what was held and the LEADs.
Holding plan_holding(Pipeline& p) {
  Holding h;
  std::set<int> delayed;
  for (size_t i = 0; i < p.analytics.size(); ++i) {
    if (needs_later_records(*p.analytics[i].node)) delayed.insert(static_cast<int>(i));
  }
  h.partitioned_as = *delayed.begin();
  for (int i : delayed) {
    const Expr& e = *p.analytics[i].node;
    if (e.op == ExprOp::Over) {
      // The whole partition: every record is held until the input ends; PERCENT_RANK and CUME_DIST
      // hold the record's RANK (what the Analytic operator gives them on arrival).
      h.whole = true;
      HeldWhole w;
      w.analytic = i;
      if (e.analytic != AnalyticKind::Ntile) {
        auto rank = std::make_unique<Expr>();
        rank->op = ExprOp::AnalyticRef;
        rank->type = SqlType::bigint();
        rank->nullable = false;
        rank->range = e.range;
        rank->text = "RANK of " + e.text;
        rank->column = i;
        w.rank = static_cast<int>(h.values.size());
        h.values.push_back(std::move(rank));
      }
      h.wholes.push_back(w);
      continue;
    }
    const Expr& lead = e;
    HeldLead l;
    l.analytic = i;
    l.offset = lead.column;
    ExprPtr value = over_held(clone(*lead.args[0]), {}, h.values);
    l.value = value->is_literal() ? -1 : value->column;
    if (l.value < 0) {  // a literal is held like any value, so that the record after reads it
      l.value = static_cast<int>(h.values.size());
      h.values.push_back(clone(*lead.args[0]));
    }
    l.fallback = over_held(clone(*lead.args[1]), {}, h.values);
    h.ahead = std::max(h.ahead, l.offset);
    h.leads.push_back(std::move(l));
  }
  for (OutputPlan& c : p.columns) c.expr = over_held(std::move(c.expr), delayed, h.values);
  const std::string n = std::to_string(p.index);
  h.entry_type = "Held" + n;
  h.key_type = "Held" + n + "Key";
  h.member = "held_" + n + "_";
  h.write_function = "write_held_" + n;
  h.flush_function = "flush_held_" + n;
  return h;
}

// TUMBLING(1m), HOPPING(5m, 1m): a window as explain and comments show it.
std::string window_text(const BoundWindow& w) {
  auto d = [](int64_t ms) { return format_duration(ms); };
  switch (w.kind) {
    case WindowKind::Tumbling: return "TUMBLING(" + d(w.size) + ")";
    case WindowKind::Hopping: return "HOPPING(" + d(w.size) + ", " + d(w.advance) + ")";
    case WindowKind::Session: return "SESSION(" + d(w.gap) + ")";
    case WindowKind::Cumulate: return "CUMULATE(" + d(w.advance) + ", " + d(w.size) + ")";
  }
  return "?";
}

// The last of the query's own relations (stream and joins, not subqueries) an expression reads.
int highest_relation(const Expr& e, int relations) {
  int out = 0;
  for_each_expr(e, [&](const Expr& x) {
    if (x.op == ExprOp::Column && x.source < relations) out = std::max(out, x.source);
  });
  return out;
}

// The Program member writing a sink; pipelines writing to stdout share one.
std::string sink_member(const SinkDef& sink) {
  if (sink.kind == SinkKind::Table) return "";
  return sink.kind == SinkKind::Stdout ? "out_stdout_" : "out_" + cpp_identifier(to_lower(sink.name)) + "_";
}

void conjuncts(const Expr* e, std::vector<const Expr*>& out) {
  if (e->op == ExprOp::And) {
    for (const auto& a : e->args) conjuncts(a.get(), out);
  } else {
    out.push_back(e);
  }
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

// Fields for the used columns of a source, in schema order, with unique names.
std::vector<ScanField> fields_for(const SourceDef& src, const std::set<int>& used) {
  std::vector<ScanField> fields;
  std::set<std::string> taken;
  for (int column : used) {
    std::string field = cpp_identifier(to_lower(src.columns[column].name));
    while (taken.count(field)) field += "_";
    taken.insert(field);
    fields.push_back({column, field});
  }
  return fields;
}

class Planner {
 public:
  explicit Planner(const BoundProgram& program) : program_(program) {}

  Plan run() {
    plan_sources();
    plan_tables();
    plan_pipelines();
    // Load-phase scans come first: every table is loaded before any stream record is read.
    std::stable_partition(plan_.scans.begin(), plan_.scans.end(), [](const Scan& s) { return s.load_phase; });
    renumber_scans();
    plan_properties();
    plan_states();
    plan_lanes();
    return std::move(plan_);
  }

 private:
  const SourceDef& source(int index) const { return program_.catalog.sources()[index]; }

  // The plan keeps its own copy of every source's description: codegen reads
  // the plan, never the catalog.
  void plan_sources() {
    plan_.name = program_.name;
    plan_.version = program_.version;
    for (const SourceDef& src : program_.catalog.sources()) {
      SourcePlan s;
      s.name = src.name;
      s.kind = src.kind;
      s.connector = src.connector;
      s.format = src.format;
      s.path = src.path;
      s.schema_discovered = src.schema_discovered;
      s.made_by_query = src.producer >= 0;
      for (const Column& c : src.columns) s.columns.push_back({c.name, c.type, c.nullable, c.key});
      plan_.sources.push_back(std::move(s));
    }
  }

  // Every table some query joins, or some query fills, keeps the columns used.
  void plan_tables() {
    std::map<int, std::set<int>> used;
    for (const BoundQuery& q : program_.queries) {
      for (size_t r = q.from_table ? 0 : 1; r < q.relations.size(); ++r) {
        collect_query_columns(q, static_cast<int>(r), used[q.relations[r].source]);
      }
      if (q.sink.kind == SinkKind::Table) used[q.sink.table];
    }
    for (auto& [index, columns] : used) {
      const SourceDef& src = source(index);
      for (int k : src.key_columns()) columns.insert(k);
      Table t;
      t.source = index;
      t.row_type = camel_case(src.name) + "Row";
      t.fields = fields_for(src, columns);
      t.member = cpp_identifier(to_lower(src.name)) + "_";
      t.key = src.key_columns();
      t.version = t.member + "version_";
      t.key_only = true;
      for (const Column& c : src.columns) t.key_only = t.key_only && c.key;
      plan_.tables.push_back(std::move(t));
    }
    // A table with a file of its own is loaded by a scan of that file.
    for (size_t i = 0; i < plan_.tables.size(); ++i) {
      Table& t = plan_.tables[i];
      if (source(t.source).producer >= 0) continue;
      Scan scan;
      static_cast<RowLayout&>(scan) = t;
      scan.source = t.source;
      scan.load_phase = true;
      scan.table = static_cast<int>(i);
      scan.function = "load_" + cpp_identifier(to_lower(source(t.source).name));
      t.scan = static_cast<int>(plan_.scans.size());
      plan_.scans.push_back(std::move(scan));
    }
  }

  // A query FROM a table reads the table as it is once every table is loaded.
  int table_scan(int source_index) {
    int table = plan_.table_of(source_index);
    for (size_t i = 0; i < plan_.scans.size(); ++i) {
      if (plan_.scans[i].reads_table == table) return static_cast<int>(i);
    }
    Scan scan;
    static_cast<RowLayout&>(scan) = plan_.tables[table];
    scan.source = source_index;
    scan.load_phase = true;
    scan.reads_table = table;
    scan.function = "read_" + cpp_identifier(to_lower(source(source_index).name)) + "_table";
    plan_.scans.push_back(std::move(scan));
    return static_cast<int>(plan_.scans.size() - 1);
  }

  int stream_scan(int source_index, bool load_phase) {
    for (size_t i = 0; i < plan_.scans.size(); ++i) {
      const Scan& s = plan_.scans[i];
      if (s.source == source_index && s.table < 0 && s.reads_table < 0 && s.load_phase == load_phase) {
        return static_cast<int>(i);
      }
    }
    const SourceDef& src = source(source_index);
    std::string name = cpp_identifier(to_lower(src.name));
    bool clash = plan_.table_of(source_index) >= 0;  // the same file is also loaded as a table
    Scan scan;
    scan.source = source_index;
    scan.load_phase = load_phase;
    // A stream read in both phases is two scans, each with the columns it uses.
    const std::string phase = load_phase ? "_into_tables" : "";
    scan.row_type = camel_case(src.name + phase) + (clash ? "Record" : "Row");
    scan.function = "scan_" + name + phase;
    plan_.scans.push_back(std::move(scan));
    return static_cast<int>(plan_.scans.size() - 1);
  }

  void plan_pipelines() {
    for (size_t qi = 0; qi < program_.queries.size(); ++qi) {
      const BoundQuery& q = program_.queries[qi];
      bool fills_table = q.sink.kind == SinkKind::Table;
      int scan_index = q.from_table ? table_scan(q.source) : stream_scan(q.source, fills_table);
      Pipeline p;
      p.index = static_cast<int>(plan_.pipelines.size());
      p.source = q.source;
      p.scan = scan_index;
      p.name = q.sink.kind == SinkKind::Stdout ? "stdout" : q.sink.name;
      p.function = "on_" + cpp_identifier(to_lower(source(q.source).name)) + "_" + std::to_string(p.index);
      for (const BoundJoin& j : q.joins) {
        const BoundRelation& rel = q.relations[j.relation];
        Lookup l;
        l.kind = j.kind;
        for (const auto& k : j.key) l.key.push_back(clone(*k));
        if (j.residual) l.residual = clone(*j.residual);
        l.alias = rel.alias;
        l.table = plan_.table_of(rel.source);
        l.var = "row_" + cpp_identifier(to_lower(rel.alias));
        // Batched when the key is plain columns of a JSON stream record (their text lives in the
        // record's own parser) and the pipeline is fed by a stream scan.
        l.batched = !q.from_table && source(q.source).format == Format::Json;
        for (const auto& k : j.key) l.batched = l.batched && k->op == ExprOp::Column && k->source == 0;
        p.unmatched_pass = p.unmatched_pass || j.kind == JoinKind::Right || j.kind == JoinKind::Full;
        p.lookups.push_back(std::move(l));
      }
      // Filter pushdown: each conjunct runs as soon as what it reads is known.
      std::vector<std::vector<const Expr*>> stages(q.joins.size() + 1);
      if (q.where) {
        std::vector<const Expr*> parts;
        conjuncts(q.where.get(), parts);
        int own = static_cast<int>(q.joins.size()) + 1;
        for (const Expr* c : parts) stages[highest_relation(*c, own)].push_back(c);
      }
      p.operators.push_back({OpKind::Scan});
      if (q.limit) p.operators.push_back({OpKind::Limit});
      for (size_t stage = 0; stage < stages.size(); ++stage) {
        if (stage > 0) p.operators.push_back({OpKind::Lookup, static_cast<int>(stage - 1)});
        for (const Expr* c : stages[stage]) {
          p.operators.push_back({OpKind::Filter, static_cast<int>(p.filters.size())});
          p.filters.push_back(clone(*c));
        }
      }
      if (q.grouped) {
        Grouping g;
        for (const auto& k : q.group_keys) g.keys.push_back(clone(*k));
        for (const auto& a : q.aggregates) g.aggregates.push_back(clone(*a));
        if (q.having) g.having = clone(*q.having);
        g.emit = q.emit;
        g.group_type = "Groups" + std::to_string(p.index);
        g.key_type = g.group_type + "Key";
        g.member = "groups_" + std::to_string(p.index) + "_";
        g.emit_function = "emit_groups_" + std::to_string(p.index);
        for (size_t j = 0; j < g.aggregates.size(); ++j) {
          const bool distinct = g.aggregates[j]->agg == AggKind::CountDistinct;
          const std::string n = std::to_string(p.index) + "_" + std::to_string(j);
          g.distinct_sets.emplace_back(distinct ? "distinct_" + n + "_" : "",
                                       distinct ? g.group_type + "Distinct" + std::to_string(j) : "");
        }
        if (q.window) {
          const BoundWindow& bw = *q.window;
          WindowPlan w{bw.kind,    bw.size,          bw.advance,          bw.gap,
                       bw.grace,   bw.delay,         bw.time ? clone(*bw.time) : nullptr,
                       bw.time_origin, bw.late, window_text(bw), "emit_window_" + std::to_string(p.index)};
          if (bw.kind == WindowKind::Session && q.emit == Emit::Changes) {
            w.retract_function = "retract_window_" + std::to_string(p.index);
          }
          g.emit_function = "close_windows_" + std::to_string(p.index);
          g.window = std::move(w);
          p.operators.push_back({OpKind::WindowAssign});
        }
        const bool windowed = g.window.has_value();
        p.grouping = std::move(g);
        p.operators.push_back({OpKind::Aggregate});
        if (windowed) p.operators.push_back({OpKind::Watermark});
        p.operators.push_back({OpKind::Emit});
        if (q.having) p.operators.push_back({OpKind::Having});
      }
      for (size_t i = 0; i < q.analytics.size(); ++i) {
        const std::string name = std::to_string(p.index) + "_" + std::to_string(i);
        const Expr& e = *q.analytics[i];
        const bool lag = e.op == ExprOp::Lag || e.op == ExprOp::Lead;
        const int from = analytic_partition_from(e);
        const std::string prefix = lag ? "lag" : "over";
        // LAST_VALUE reads the record itself; LEAD's and NTILE's records are held by the pipeline's Holding.
        const bool stateless = e.op == ExprOp::Lead || (e.op == ExprOp::Over && e.analytic == AnalyticKind::Ntile) ||
                               (!lag && e.analytic == AnalyticKind::LastValue && e.expire == 0 && e.emit_when_rows == 0);
        const int count = static_cast<int>(e.args.size()) - from - (e.expire > 0 ? 1 : 0);
        p.analytics.push_back({clone(e), (lag ? "Lag" : "Over") + name + "Key",
                               stateless ? "" : prefix + "_" + name + "_", from, count});
      }
      // NTILE and LEAD are computed by the Hold operator's write function; PERCENT_RANK and CUME_DIST
      // also need the record's RANK, known on arrival.
      bool leads = false, others = false;
      for (const Analytic& a : p.analytics) {
        const Expr& e = *a.node;
        leads = leads || needs_later_records(e);
        others = others || !(e.op == ExprOp::Lead || (e.op == ExprOp::Over && e.analytic == AnalyticKind::Ntile));
      }
      if (others) p.operators.push_back({OpKind::Analytic});
      if (leads) p.operators.push_back({OpKind::Hold});
      p.operators.push_back({OpKind::Project});
      p.operators.push_back({OpKind::Sink});
      for (const OutputColumn& c : q.columns) p.columns.push_back({c.name, clone(*c.expr), c.key});
      if (leads) p.holding = plan_holding(p);
      if (p.unmatched_pass) {
        p.unmatched_function = p.function + "_unmatched";
        p.matched_keys = p.function + "_matched_";
      }
      p.limit = q.limit;
      if (q.limit) p.limit_counter = "emitted_" + std::to_string(p.index) + "_";
      p.sink = {q.sink.name, q.sink.kind, q.sink.format, q.sink.path, q.sink.table, sink_member(q.sink)};
      if (auto it = q.sink.properties.find("changelog"); it != q.sink.properties.end()) {
        p.sink.op_column = to_lower(it->second.value) == "op";
      }
      int index = p.index;
      Scan& scan = plan_.scans[scan_index];
      scan.pipelines.push_back(index);
      scan.probes_tables = scan.probes_tables || p.batched();
      scan.writes_tables = scan.writes_tables || fills_table;
      // The subqueries of the pipeline's own expressions (the plan's copies).
      auto find_subqueries = [&](const Expr& e) {
        for_each_expr(e, [&](const Expr& x) {
          if (!x.subquery) return;
          const BoundRelation& rel = q.relations[x.subquery->relation];
          plan_.subqueries.push_back({&x, index, plan_.table_of(rel.source),
                                      "sub" + std::to_string(index) + "_" + std::to_string(x.subquery->id)});
        });
      };
      for (const auto& f : p.filters) find_subqueries(*f);
      for (const auto& c : p.columns) find_subqueries(*c.expr);
      if (p.holding) {
        for (const auto& v : p.holding->values) find_subqueries(*v);
      }
      if (fills_table) plan_.tables[plan_.table_of(q.sink.table)].producer = index;
      plan_.pipelines.push_back(std::move(p));
    }
    std::vector<std::string> names;
    for (const Scan& scan : plan_.scans) names.push_back(source(scan.source).name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    plan_.description = "reads " + join(names, ", ") + "; " + std::to_string(plan_.pipelines.size()) +
                        (plan_.pipelines.size() == 1 ? " query" : " queries");
    // Column pruning: a stream scan reads only what its pipelines use.
    for (Scan& scan : plan_.scans) {
      if (scan.table >= 0 || scan.reads_table >= 0) continue;
      std::set<int> used;
      for (int p : scan.pipelines) collect_query_columns(program_.queries[p], 0, used);
      scan.fields = fields_for(source(scan.source), used);
    }
  }

  // What the program registers for --set and --help: its own properties that
  // apply, then each source's (as a table when the scan loads one), then each
  // file sink's.
  void plan_properties() {
    bool reads_lines = false;  // a stream's file or a CSV table's: parsed on every core
    for (const Scan& scan : plan_.scans) {
      const bool json_table = scan.table >= 0 && source(scan.source).format == Format::Json;
      reads_lines = reads_lines || (scan.reads_table < 0 && !json_table);
    }
    bool keeps_state = !plan_.tables.empty();
    for (const Pipeline& p : plan_.pipelines) keeps_state = keeps_state || p.grouping || !p.analytics.empty();
    if (keeps_state) plan_.program_properties.push_back("stats");
    if (reads_lines) {
      plan_.program_properties.push_back("threads");
      plan_.program_properties.push_back("chunk.bytes");
    }
    auto add = [&](Connector connector, unsigned role, const std::string& name,
                   const std::map<std::string, PropertyValue>& props, const std::string& path) {
      for (const PropertySet& set : plan_.property_sets) {
        if (set.name == name) return;
      }
      const ConnectorDef& table = *find_connector(connector_name(connector));
      PropertySet set{std::string(table.name), role, name, {}};
      for (const PropertyDef& p : table.properties) {
        if (!p.run_time || !(p.roles & role)) continue;
        if (p.name == "path") {
          set.given.emplace_back("path", path);
        } else if (auto it = props.find(std::string(p.name)); it != props.end()) {
          set.given.emplace_back(std::string(p.name), it->second.value);
        }
      }
      plan_.property_sets.push_back(std::move(set));
    };
    for (const Scan& scan : plan_.scans) {
      if (scan.reads_table >= 0) continue;
      const SourceDef& src = source(scan.source);
      add(src.connector, scan.table >= 0 ? kTable : kStream, src.name, src.properties, src.path);
    }
    for (const BoundQuery& q : program_.queries) {
      const SinkDef& sink = q.sink;
      if (sink.kind == SinkKind::File) add(sink.connector, kSink, sink.name, sink.properties, sink.path);
    }
  }

  // What the program keeps between records, and what makes it change.
  void plan_states() {
    for (size_t i = 0; i < plan_.tables.size(); ++i) {
      const Table& t = plan_.tables[i];
      const SourceDef& src = source(t.source);
      std::string note = src.name + ", keyed by ";
      for (size_t k = 0; k < t.key.size(); ++k) note += (k ? ", " : "") + src.columns[t.key[k]].name;
      note += src.producer >= 0 ? "; filled by " + plan_.pipelines[src.producer].function
                                : "; loaded before the streams, a watched file's rows apply as they come";
      plan_.states.push_back({StateKind::LookupTable, t.member, Trigger::TableChange, -1, static_cast<int>(i), note});
    }
    for (size_t i = 0; i < plan_.subqueries.size(); ++i) {
      const SubqueryPlan& s = plan_.subqueries[i];
      const Subquery& sub = *s.node->subquery;
      if (sub.keyed) continue;  // a keyed lookup per record: nothing kept
      const std::string& table = source(plan_.tables[s.table].source).name;
      if (sub.indexed) {
        plan_.states.push_back({StateKind::SubqueryIndex, s.name + "_index_", Trigger::TableChange, s.pipeline, s.table,
                                "the rows of " + table + " by the columns the subquery correlates on",
                                static_cast<int>(i)});
      } else {
        plan_.states.push_back({StateKind::SubqueryCache, s.name + "_", Trigger::TableChange, s.pipeline, s.table,
                                "the subquery's result over " + table, static_cast<int>(i)});
      }
    }
    for (const Pipeline& p : plan_.pipelines) {
      if (p.unmatched_pass) {
        const int right = p.lookups[0].table;
        plan_.states.push_back({StateKind::MatchedKeys, p.matched_keys, Trigger::EndOfInput, p.index, right,
                                "the keys of " + source(plan_.tables[right].source).name +
                                    " a row matched; the others come out after the scan"});
      }
      if (p.grouping) {
        for (size_t j = 0; j < p.grouping->distinct_sets.size(); ++j) {
          const std::string& member = p.grouping->distinct_sets[j].first;
          if (member.empty()) continue;
          const bool windowed = p.grouping->window.has_value();
          plan_.states.push_back(
              {StateKind::DistinctValues, member, windowed ? Trigger::OnWatermark : Trigger::PerRecord, p.index, -1,
               std::string(windowed ? "the distinct values each group of each open window has seen, for "
                                    : "the distinct values each group has seen, for ") +
                   p.grouping->aggregates[j]->text});
        }
      }
      if (p.grouping && p.grouping->window) {
        const WindowPlan& w = *p.grouping->window;
        const bool final = p.grouping->emit == Emit::Final;
        plan_.states.push_back(
            {StateKind::WindowState, p.grouping->member, Trigger::OnWatermark, p.index, -1,
             "the groups of each open " + w.text + " window; " +
                 (final ? "a window's groups are written when the watermark passes its end"
                        : "a record writes its groups' new rows; a window is dropped when the watermark passes its "
                          "end") +
                 (w.grace ? " plus " + format_duration(w.grace) : std::string()) + ", and at end of input"});
      } else if (p.grouping) {
        const bool final = p.grouping->emit == Emit::Final;
        plan_.states.push_back({StateKind::GroupState, p.grouping->member,
                                final ? Trigger::EndOfInput : Trigger::PerRecord, p.index, -1,
                                final ? "the groups' accumulators; each group is written once the input has ended"
                                      : "the groups' accumulators; a record writes its group's new row"});
      }
      for (const Analytic& a : p.analytics) {
        if (a.member.empty()) continue;
        const std::string expiry =
            a.node->expire > 0 ? "; a partition idle for " + format_duration(a.node->expire) + " is dropped" : "";
        plan_.states.push_back({StateKind::RowBuffer, a.member, Trigger::PerRecord, p.index, -1,
                                analytic_state_note(*a.node) + " per partition, for " + a.node->text + expiry});
      }
      if (p.holding) {
        const Holding& h = *p.holding;
        plan_.states.push_back(
            {StateKind::HeldRecords, h.member, h.whole ? Trigger::EndOfInput : Trigger::PerRecord, p.index, -1,
             h.whole ? std::string("every record of every partition, written once the input has ended")
                     : "up to " + std::to_string(h.ahead) +
                           " record(s) per partition, each written once its LEADs are known; the rest at end of "
                           "input"});
      }
      if (p.limit) {
        plan_.states.push_back({StateKind::LimitCounter, p.limit_counter, Trigger::PerRecord, p.index, -1,
                                "records written, for LIMIT " + std::to_string(*p.limit)});
      }
    }
  }

  // Whether every query of a stream scan is a GROUP BY ... EMIT FINAL
  // whose groups can be built in parts and merged: no window (the watermark
  // follows the input's order), aggregates whose partial results merge (not
  // COUNT(DISTINCT) or STRING_AGG, nor a VARCHAR a group keeps), no table
  // looked up or subquery (their caches fill as records come) and no LIMIT.
  bool aggregates_in_lanes(const Scan& scan) const {
    if (scan.table >= 0 || scan.reads_table >= 0 || scan.load_phase || scan.pipelines.empty()) return false;
    for (int i : scan.pipelines) {
      const Pipeline& p = plan_.pipelines[i];
      if (!p.grouping || p.grouping->emit != Emit::Final || p.grouping->window || !p.lookups.empty() ||
          !p.analytics.empty() || p.limit || p.unmatched_pass) {
        return false;
      }
      for (const SubqueryPlan& sub : plan_.subqueries) {
        if (sub.pipeline == i) return false;
      }
      for (const auto& a : p.grouping->aggregates) {
        if (a->agg == AggKind::CountDistinct || a->agg == AggKind::StringAgg) return false;
        if (a->type.id == TypeId::Varchar && a->agg != AggKind::Count) return false;
      }
    }
    return true;
  }

  // Such scans aggregate a bounded file on every core, a lane per thread;
  // their groups live in the lane, not in the Program.
  void plan_lanes() {
    for (Scan& scan : plan_.scans) {
      if (!aggregates_in_lanes(scan)) continue;
      const std::string name = source(scan.source).name;
      scan.lane = LanePlan{camel_case(name) + "Lane", cpp_identifier(to_lower(name)) + "_lane_"};
      for (StateObject& state : plan_.states) {
        const auto& ps = scan.pipelines;
        if (std::find(ps.begin(), ps.end(), state.pipeline) != ps.end()) state.lane = scan.lane->member;
      }
    }
  }

  // Pipelines and tables refer to scans by index: fix them after reordering.
  void renumber_scans() {
    for (size_t i = 0; i < plan_.scans.size(); ++i) {
      Scan& s = plan_.scans[i];
      for (int p : s.pipelines) plan_.pipelines[p].scan = static_cast<int>(i);
      if (s.table >= 0) plan_.tables[s.table].scan = static_cast<int>(i);
    }
  }

  const BoundProgram& program_;
  Plan plan_;
};

}  // namespace

const LanePlan* Plan::lane_of(const Pipeline& p) const {
  const Scan& scan = scans[p.scan];
  return scan.lane ? &*scan.lane : nullptr;
}

const ScanField* RowLayout::field_of(int column) const {
  int slot = slot_of(column);
  return slot < 0 ? nullptr : &fields[slot];
}

int RowLayout::slot_of(int column) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].column == column) return static_cast<int>(i);
  }
  return -1;
}

const char* to_string(OpKind kind) {
  switch (kind) {
    case OpKind::Scan: return "Scan";
    case OpKind::Limit: return "Limit";
    case OpKind::Filter: return "Filter";
    case OpKind::Lookup: return "LookupJoin";
    case OpKind::Project: return "Project";
    case OpKind::Sink: return "Sink";
    case OpKind::Aggregate: return "Aggregate";
    case OpKind::Emit: return "Emit";
    case OpKind::Having: return "Having";
    case OpKind::Analytic: return "Analytic";
    case OpKind::WindowAssign: return "WindowAssign";
    case OpKind::Watermark: return "Watermark";
    case OpKind::Hold: return "Hold";
  }
  return "?";
}

const char* to_string(Trigger trigger) {
  switch (trigger) {
    case Trigger::PerRecord: return "per record";
    case Trigger::TableChange: return "on table change";
    case Trigger::EndOfInput: return "at end of input";
    case Trigger::OnWatermark: return "on watermark";
  }
  return "?";
}

const char* to_string(StateKind kind) {
  switch (kind) {
    case StateKind::LookupTable: return "lookup table";
    case StateKind::SubqueryCache: return "subquery cache";
    case StateKind::SubqueryIndex: return "subquery index";
    case StateKind::MatchedKeys: return "matched keys";
    case StateKind::LimitCounter: return "limit counter";
    case StateKind::GroupState: return "group state";
    case StateKind::RowBuffer: return "row buffer";
    case StateKind::WindowState: return "window state";
    case StateKind::DistinctValues: return "distinct values";
    case StateKind::HeldRecords: return "held records";
  }
  return "?";
}

bool Pipeline::batched() const {
  for (const auto& l : lookups) {
    if (l.batched) return true;
  }
  return false;
}

const SubqueryPlan* Plan::subquery_of(const Expr* node) const {
  for (const auto& s : subqueries) {
    if (s.node == node) return &s;
  }
  return nullptr;
}

int Plan::table_of(int source) const {
  for (size_t i = 0; i < tables.size(); ++i) {
    if (tables[i].source == source) return static_cast<int>(i);
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
  // Names with a double underscore or a leading underscore are reserved for the implementation.
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

Plan make_plan(const BoundProgram& program) { return Planner(program).run(); }

}  // namespace streamc
