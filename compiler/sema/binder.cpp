// Binds a whole script: declared sources, the sources and sinks a Velostream
// application names in its WITH clause, and every query.
#include "sema/binder.h"

#include <set>

#include "sema/expression_binder.h"
#include "sema/properties.h"
#include "sema/schema_discovery.h"
#include "util/strings.h"

namespace streamc {
namespace {

std::string resolve(const std::string& dir, const std::string& path) {
  if (path.empty() || path[0] == '/' || path == "-" || dir.empty()) return path;
  return dir + "/" + path;
}

class ScriptBinder {
 public:
  ScriptBinder(const BindOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  std::optional<BoundProgram> bind(const ast::Script& script) {
    program_.name = script.application_name.empty() ? options_.program_name : script.application_name;
    program_.version = script.version;
    for (const auto& stmt : script.statements) {
      switch (stmt->kind) {
        case ast::StatementKind::CreateSource: {
          const auto& cs = static_cast<const ast::CreateSource&>(*stmt);
          if (cs.as_query) bind_create_as(cs);
          else declare_source(cs);
          break;
        }
        case ast::StatementKind::InsertInto: bind_insert(static_cast<const ast::InsertInto&>(*stmt)); break;
        case ast::StatementKind::Select: {
          const auto& select = static_cast<const ast::SelectStatement&>(*stmt);
          bind_query(*select.query, "", SinkDef{}, select.range);
          break;
        }
      }
    }
    if (!diags_.has_errors() && program_.queries.empty()) {
      diags_.report(DiagId::no_source, {}, {"the script has no query: add a SELECT, INSERT INTO or CREATE STREAM ... AS SELECT"});
    }
    if (diags_.has_errors()) return std::nullopt;
    return std::move(program_);
  }

 private:
  bool name_taken(const std::string& name, SourceRange range) {
    const SourceDef* existing = program_.catalog.find_source(name);
    bool derived = derived_.count(to_lower(name)) > 0;
    if (!existing && !derived) return false;
    diags_.report(DiagId::duplicate_source, range, {name});
    if (existing && existing->range.valid()) diags_.report(DiagId::previous_definition, existing->range, {name});
    return true;
  }

  bool bind_columns(const std::vector<ast::ColumnDef>& defs, const std::vector<std::string>& key,
                    std::vector<Column>& out) {
    bool ok = true;
    for (const auto& def : defs) {
      for (const auto& c : out) {
        if (iequals(c.name, def.name)) {
          diags_.report(DiagId::duplicate_column, def.range, {def.name});
          ok = false;
        }
      }
      std::string error;
      auto type = type_from_name(def.type.name, def.type.params, error);
      if (!type) {
        static const std::vector<std::string> names = {"BOOLEAN", "INT", "BIGINT", "DOUBLE", "DECIMAL", "VARCHAR",
                                                       "STRING", "TIMESTAMP", "DATE"};
        diags_.report(DiagId::unknown_type, def.type.range, {def.type.name}).hint = suggest(def.type.name, names);
        ok = false;
        continue;
      }
      if (!error.empty()) {
        diags_.report(DiagId::decimal_precision, def.type.range, {error});
        ok = false;
      }
      bool is_key = def.primary_key;
      for (const auto& k : key) is_key = is_key || iequals(k, def.name);
      out.push_back({def.name, *type, !(def.not_null || is_key), is_key});
    }
    return ok;
  }

  void declare_source(const ast::CreateSource& cs) {
    if (name_taken(cs.name, cs.name_range)) return;
    SourceDef def;
    def.name = cs.name;
    def.kind = cs.is_table ? SourceKind::Table : SourceKind::Stream;
    def.range = cs.name_range;
    def.properties = to_properties(cs.with);
    if (!bind_columns(cs.columns, cs.primary_key, def.columns)) return;
    program_.catalog.add_source(std::move(def));
  }

  // A Velostream application names its sources and sinks in the query's WITH.
  void register_named(const ast::Query& q, const std::string& target, SinkDef& sink) {
    Properties general;
    auto by_name = split_by_name(q.with, general);
    for (auto& [name, props] : by_name) {
      const PropertyValue& type = props["type"];
      std::string t = to_lower(type.value);
      if (t == "file_source") {
        if (name_taken(name, type.range)) continue;
        SourceDef def;
        def.name = name;
        def.range = type.range;
        def.properties = props;
        program_.catalog.add_source(std::move(def));
      } else if (t == "file_sink") {
        if (!target.empty() && !iequals(name, target)) {
          diags_.report(DiagId::bad_property, type.range,
                        {"'" + name + "' is a sink, but this query writes to '" + target + "'"})
              .hint = "name the sink '" + target + ".type'";
          continue;
        }
        sink.name = name;
        sink.properties = props;
        sink.range = type.range;
        configure_file_sink(sink, diags_, type.range);
      } else if (t == "kafka_source" || t == "kafka_sink") {
        diags_.report(DiagId::not_supported, type.range, {"the Kafka connector ('" + type.value + "')"});
      } else {
        diags_.report(DiagId::bad_property, type.range,
                      {"'" + name + ".type' must be 'file_source' or 'file_sink' (or, later, 'kafka_source' / "
                       "'kafka_sink'), not '" + type.value + "'"});
      }
    }
    for (const auto& [key, value] : general) {
      diags_.report(DiagId::unknown_property, value.range, {key, " in a query's WITH clause"}).hint =
          "name sources and sinks as '<name>.type', '<name>.path', '<name>.format'";
    }
  }

  // Checks a source's connector properties (once) and discovers its schema.
  bool prepare_source(SourceDef& src, SourceRange use) {
    if (prepared_.count(to_lower(src.name))) return true;
    prepared_.insert(to_lower(src.name));
    if (auto it = src.properties.find("connector"); it != src.properties.end()) {
      std::string c = to_lower(it->second.value);
      if (c == "kafka") {
        diags_.report(DiagId::not_supported, it->second.range, {"the Kafka connector"});
        return false;
      }
      if (c != "file" && c != "filesystem") {
        diags_.report(DiagId::bad_property, it->second.range,
                      {"'connector' must be 'file' (or, later, 'kafka'), not '" + it->second.value + "'"});
        return false;
      }
    } else if (!src.properties.count("type")) {
      diags_.report(DiagId::missing_property, src.range.valid() ? src.range : use,
                    {"'" + src.name + "' has no connector: add WITH ('connector' = 'file', 'path' = '...', "
                     "'format' = 'json')"});
      return false;
    }
    if (!configure_file_source(src, diags_, src.range.valid() ? src.range : use)) return false;
    if (!src.columns.empty()) return true;
    const std::string sample_path = src.properties.count("schema.sample") ? src.properties["schema.sample"].value : src.path;
    SourceRange where = src.properties.count("schema.sample") ? src.properties["schema.sample"].range
                                                              : src.properties["path"].range;
    std::string error;
    std::string resolved = resolve(options_.query_dir, sample_path);
    if (!discover_schema(resolved, src.format, src.columns, error)) {
      if (error.rfind("cannot open", 0) == 0) {
        std::string reason = error.substr(error.rfind(": ") + 2);
        diags_.report(DiagId::source_file_missing, where, {sample_path, src.name, reason}).hint =
            "declare the columns, as in CREATE STREAM " + src.name + " (id BIGINT, ...), or point '" +
            (src.properties.count("type") ? src.name + "." : std::string()) + "path' at an existing file";
      } else {
        diags_.report(DiagId::schema_discovery_failed, where, {src.name, sample_path, error});
      }
      return false;
    }
    src.schema_discovered = true;
    src.schema_file = resolved;
    return true;
  }

  void bind_create_as(const ast::CreateSource& cs) {
    if (name_taken(cs.name, cs.name_range)) return;
    if (cs.is_table) {
      diags_.report(DiagId::not_supported, cs.range, {"CREATE TABLE ... AS SELECT (materialized tables)"});
      return;
    }
    derived_.insert(to_lower(cs.name));
    SinkDef sink;
    sink.name = cs.name;
    sink.range = cs.name_range;
    if (!cs.with.empty()) {
      sink.properties = to_properties(cs.with);
      if (auto it = sink.properties.find("connector"); it != sink.properties.end()) {
        std::string c = to_lower(it->second.value);
        if (c == "kafka") {
          diags_.report(DiagId::not_supported, it->second.range, {"the Kafka connector"});
          return;
        }
        sink.properties.erase("connector");
      }
      configure_file_sink(sink, diags_, cs.with_range);
    }
    bind_query(*cs.as_query, cs.name, std::move(sink), cs.range);
  }

  void bind_insert(const ast::InsertInto& ins) {
    SourceDef* target = program_.catalog.find_source(ins.target);
    if (!target) {
      diags_.report(DiagId::unknown_source, ins.target_range, {ins.target}).hint =
          suggest(ins.target, program_.catalog.source_names());
      return;
    }
    SinkDef sink;
    sink.name = target->name;
    sink.range = ins.target_range;
    sink.properties = target->properties;
    sink.properties.erase("connector");
    sink.declared_columns = target->columns;
    configure_file_sink(sink, diags_, target->range);
    bind_query(*ins.query, target->name, std::move(sink), ins.range);
  }

  void reject_unsupported(const ast::Query& q) {
    if (!q.joins.empty()) diags_.report(DiagId::not_supported, q.joins[0].range, {"JOIN"});
    if (!q.group_by.empty()) diags_.report(DiagId::not_supported, q.group_by[0]->range, {"GROUP BY"});
    if (q.having) diags_.report(DiagId::not_supported, q.having->range, {"HAVING"});
    if (q.window) diags_.report(DiagId::not_supported, q.window->range, {"WINDOW"});
    if (!q.order_by.empty()) diags_.report(DiagId::not_supported, q.order_by[0].range, {"ORDER BY on a stream"});
    if (q.distinct) diags_.report(DiagId::not_supported, q.range, {"SELECT DISTINCT"});
    if (q.emit == ast::EmitMode::Final) diags_.report(DiagId::not_supported, q.emit_range, {"EMIT FINAL (it needs a window)"});
  }

  void bind_query(const ast::Query& q, const std::string& target, SinkDef sink, SourceRange range) {
    int errors_before = diags_.error_count();
    register_named(q, target, sink);
    reject_unsupported(q);
    if (!q.from) {
      diags_.report(DiagId::no_source, q.range, {"a query needs a FROM clause naming a stream"});
      return;
    }
    const ast::Relation& from = *q.from;
    if (from.kind == ast::RelationKind::Uri) {
      diags_.report(DiagId::not_supported, from.range, {"a source URI in FROM ('" + from.uri + "')"});
      return;
    }
    if (from.kind == ast::RelationKind::WindowFunction) {
      diags_.report(DiagId::not_supported, from.range, {"the window table function " + to_upper(from.name)});
      return;
    }
    if (from.kind == ast::RelationKind::Subquery) {
      diags_.report(DiagId::not_supported, from.range, {"a subquery in FROM"});
      return;
    }
    SourceDef* src = program_.catalog.find_source(from.name);
    if (!src) {
      if (derived_.count(to_lower(from.name))) {
        diags_.report(DiagId::not_supported, from.range, {"reading the derived stream '" + from.name + "'"});
      } else {
        diags_.report(DiagId::unknown_source, from.range, {from.name}).hint =
            suggest(from.name, program_.catalog.source_names());
      }
      return;
    }
    if (src->kind == SourceKind::Table) {
      diags_.report(DiagId::not_supported, from.range, {"reading the table '" + src->name + "' as a stream"});
      return;
    }
    if (!prepare_source(*src, from.range) || diags_.error_count() > errors_before) return;

    int source_index = static_cast<int>(src - &program_.catalog.sources()[0]);
    BoundQuery bq;
    bq.source = source_index;
    bq.alias = from.alias.empty() ? src->name : from.alias;
    bq.range = range;
    ExpressionBinder binder(program_.catalog, {{source_index, bq.alias}}, diags_);
    bind_items(q, binder, *src, bq);
    if (q.where) {
      BoundPtr where = binder.bind(*q.where);
      if (where && where->type.id != TypeId::Boolean && where->type.id != TypeId::Null) {
        diags_.report(DiagId::where_not_boolean, where->range, {"WHERE", where->type.to_string()});
      } else if (where) {
        bq.where = make_cast(std::move(where), SqlType::boolean());
      }
    }
    if (q.limit) bq.limit = *q.limit;
    if (!sink.declared_columns.empty()) conform_to_declared(sink, bq);
    bq.sink = std::move(sink);
    if (diags_.error_count() == errors_before) program_.queries.push_back(std::move(bq));
  }

  void bind_items(const ast::Query& q, ExpressionBinder& binder, const SourceDef& src, BoundQuery& bq) {
    std::map<std::string, SourceRange> names;
    auto add = [&](std::string name, BoundPtr expr, bool key, SourceRange range) {
      std::string lower = to_lower(name);
      if (names.count(lower)) {
        diags_.report(DiagId::duplicate_output_column, range, {name});
        return;
      }
      names[lower] = range;
      bq.columns.push_back({std::move(name), std::move(expr), key});
    };
    for (const auto& item : q.items) {
      if (item.kind != ast::SelectItemKind::Expr) {
        if (item.kind == ast::SelectItemKind::QualifiedStar && !iequals(item.qualifier, bq.alias)) {
          diags_.report(DiagId::unknown_qualifier, item.range, {item.qualifier}).hint = suggest(item.qualifier, {bq.alias});
          continue;
        }
        for (const auto& c : src.columns) {
          ast::ColumnRefExpr ref(item.range, bq.alias, c.name);
          add(c.name, binder.bind_column(ref), false, item.range);
        }
        continue;
      }
      BoundPtr e = binder.bind(*item.expr);
      if (!e) continue;
      std::string name = item.alias;
      if (name.empty()) name = e->op == BoundOp::Column ? e->column_name : e->text;
      if (e->type.id == TypeId::Null) e = make_cast(std::move(e), SqlType::varchar());
      add(name, std::move(e), item.primary_key, item.range);
    }
  }

  // INSERT INTO a declared stream: the output takes its column names and types.
  void conform_to_declared(const SinkDef& sink, BoundQuery& bq) {
    if (sink.declared_columns.size() != bq.columns.size()) {
      diags_.report(DiagId::type_mismatch, bq.range,
                    {"'" + sink.name + "' has " + std::to_string(sink.declared_columns.size()) +
                     " columns, but the query produces " + std::to_string(bq.columns.size())});
      return;
    }
    ExpressionBinder binder(program_.catalog, {}, diags_);
    for (size_t i = 0; i < bq.columns.size(); ++i) {
      const Column& want = sink.declared_columns[i];
      OutputColumn& have = bq.columns[i];
      if (have.expr->type != want.type) {
        if (!castable(have.expr->type, want.type) ||
            (have.expr->type.id == TypeId::Varchar && want.type.id != TypeId::Varchar)) {
          diags_.report(DiagId::type_mismatch, have.expr->range,
                        {"column '" + want.name + "' of '" + sink.name + "' is " + want.type.to_string() +
                         ", but '" + have.expr->text + "' is " + have.expr->type.to_string()});
          continue;
        }
        have.expr = make_cast(std::move(have.expr), want.type);
      }
      have.name = want.name;
    }
  }

  const BindOptions& options_;
  Diagnostics& diags_;
  BoundProgram program_;
  std::set<std::string> derived_;   // lower-case names of CREATE STREAM ... AS
  std::set<std::string> prepared_;  // sources whose properties were checked
};

}  // namespace

std::optional<BoundProgram> bind_script(const ast::Script& script, const BindOptions& options, Diagnostics& diags) {
  return ScriptBinder(options, diags).bind(script);
}

}  // namespace streamc
