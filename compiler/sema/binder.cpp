// Binds a whole script: declared sources and tables, the sources and sinks a
// Velostream application names in its WITH clause, and every query.
#include "sema/binder.h"

#include "sema/schema_discovery.h"
#include "streamc/config.h"
#include "streamc/property.h"
#include "sema/script_binder.h"
#include "util/strings.h"

namespace streamc {

std::optional<BoundProgram> ScriptBinder::bind(const ast::Script& script) {
  program_.name = script.application_name.empty() ? options_.program_name : script.application_name;
  program_.version = script.version;
  for (const auto& stmt : script.statements) {
    switch (stmt->kind) {
      case ast::StatementKind::CreateSource: {
        const auto& cs = static_cast<const ast::CreateSource&>(*stmt);
        if (cs.as_query && cs.is_table) bind_create_table_as(cs);
        else if (cs.as_query) bind_create_as(cs);
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

// The same rule the generated program applies to a default path at run time.
std::string ScriptBinder::resolve(const std::string& path) const {
  return resolve_path(options_.query_dir, path);
}

bool ScriptBinder::name_taken(const std::string& name, SourceRange range) {
  const SourceDef* existing = program_.catalog.find_source(name);
  bool derived = derived_.count(to_lower(name)) > 0;
  if (!existing && !derived) return false;
  diags_.report(DiagId::duplicate_source, range, {name});
  if (existing && existing->range.valid()) diags_.report(DiagId::previous_definition, existing->range, {name});
  return true;
}

bool ScriptBinder::bind_columns(const std::vector<ast::ColumnDef>& defs, const std::vector<std::string>& key,
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

void ScriptBinder::declare_source(const ast::CreateSource& cs) {
  if (name_taken(cs.name, cs.name_range)) return;
  SourceDef def;
  def.name = cs.name;
  def.kind = cs.is_table ? SourceKind::Table : SourceKind::Stream;
  def.range = cs.name_range;
  def.properties = to_properties(cs.with);
  if (!bind_columns(cs.columns, cs.primary_key, def.columns)) return;
  if (cs.watermark) {
    def.watermark = bind_watermark(*cs.watermark, def);
    // Flink declares streams as tables: one with a WATERMARK and no key is appended to, a stream.
    if (def.kind == SourceKind::Table && def.key_columns().empty() && !def.properties.count("key")) {
      def.kind = SourceKind::Stream;
    }
  }
  if (def.kind == SourceKind::Table && !def.columns.empty() && def.key_columns().empty() &&
      !def.properties.count("key")) {
    diags_.report(DiagId::missing_property, cs.name_range,
                  {"table '" + cs.name + "' has no key: mark its key column PRIMARY KEY, or add 'key' = '<column>'"});
    // Still known by name, so that its uses do not add errors of their own.
  }
  program_.catalog.add_source(std::move(def));
}

// A Velostream application names its sources and sinks in the query's WITH.
void ScriptBinder::register_named(const ast::Query& q, const std::string& target, SinkDef& sink,
                                  Properties& general) {
  auto by_name = split_by_name(q.with, general);
  for (auto& [name, props] : by_name) {
    const PropertyValue& type = props["type"];
    std::string t = to_lower(type.value);
    // file_source_mmap is Velostream's memory-mapped file source: a bounded
    // file is mapped here anyway, so it is the same source.
    if (t == "file_source" || t == "file_source_mmap") {
      if (name_taken(name, type.range)) continue;
      SourceDef def;
      def.name = name;
      def.range = type.range;
      def.properties = props;
      // A source with a key is a table: a later record with the same key replaces the earlier.
      if (props.count("key")) def.kind = SourceKind::Table;
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
                    {"'" + name + ".type' must be 'file_source', 'file_source_mmap' or 'file_sink' (or, later, "
                     "'kafka_source' / "
                     "'kafka_sink'), not '" + type.value + "'"});
    }
  }
}

// Checks a source's connector properties (once) and discovers its schema.
bool ScriptBinder::prepare_source(SourceDef& src, SourceRange use) {
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
  if (!src.columns.empty()) return apply_key_property(src);
  const std::string sample_path = src.properties.count("schema.sample") ? src.properties["schema.sample"].value : src.path;
  SourceRange where = src.properties.count("schema.sample") ? src.properties["schema.sample"].range
                                                            : src.properties["path"].range;
  std::string error;
  std::string resolved = resolve(sample_path);
  // The separator was checked with the source's other properties.
  const char delimiter = src.properties.count("delimiter") ? parse_delimiter(src.properties["delimiter"].value) : ',';
  if (!discover_schema(resolved, src.format, src.columns, error, delimiter)) {
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
  return apply_key_property(src);
}

// 'key' = 'user_id' (or 'exchange, symbol') names a table's key columns.
bool ScriptBinder::apply_key_property(SourceDef& src) {
  auto it = src.properties.find("key");
  if (it == src.properties.end()) return true;
  const std::string prefix = src.properties.count("type") ? src.name + "." : "";
  std::string list = it->second.value;
  std::vector<std::string> names;
  for (size_t start = 0; start <= list.size();) {
    size_t comma = list.find(',', start);
    std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty()) names.push_back(name);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  bool ok = !names.empty();
  for (const auto& name : names) {
    int index = src.index_of(name);
    if (index < 0) {
      std::vector<std::string> columns;
      for (const auto& c : src.columns) columns.push_back(c.name);
      diags_.report(DiagId::bad_property, it->second.range,
                    {"'" + prefix + "key' names '" + name + "', which is not a column of '" + src.name + "'"})
          .hint = suggest(name, columns);
      ok = false;
      continue;
    }
    src.columns[index].key = true;
    src.columns[index].nullable = false;
  }
  return ok;
}

void ScriptBinder::bind_create_as(const ast::CreateSource& cs) {
  if (name_taken(cs.name, cs.name_range)) return;
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

// CREATE TABLE t AS SELECT k PRIMARY KEY, ... FROM src: every record of src
// upserts its row into t, which other queries join once it is loaded.
void ScriptBinder::bind_create_table_as(const ast::CreateSource& cs) {
  if (name_taken(cs.name, cs.name_range)) return;
  SinkDef sink;
  sink.kind = SinkKind::Table;
  sink.name = cs.name;
  sink.range = cs.name_range;
  Properties general = to_properties(cs.with);
  uri_columns_.clear();
  if (!cs.columns.empty()) {
    if (!cs.as_query->from || cs.as_query->from->kind != ast::RelationKind::Uri) {
      diags_.report(DiagId::not_supported, cs.name_range,
                    {"a column list on CREATE TABLE ... AS (it gives the schema of a FROM file://... source)"});
      return;
    }
    if (!bind_columns(cs.columns, {}, uri_columns_)) return;
    // The key is the table's (set below): in the file a key column is an ordinary, nullable column.
    for (size_t i = 0; i < uri_columns_.size(); ++i) {
      uri_columns_[i].key = false;
      uri_columns_[i].nullable = !cs.columns[i].not_null;
    }
  }
  BoundQuery* q = bind_query(*cs.as_query, cs.name, std::move(sink), cs.range, &general);
  uri_columns_.clear();
  if (!q) return;
  SourceDef table;
  table.name = cs.name;
  table.kind = SourceKind::Table;
  table.range = cs.name_range;
  table.producer = static_cast<int>(program_.queries.size() - 1);
  for (const OutputColumn& c : q->columns) {
    bool declared_key = false;
    for (const auto& d : cs.columns) declared_key = declared_key || (d.primary_key && iequals(d.name, c.name));
    for (const auto& k : cs.primary_key) declared_key = declared_key || iequals(k, c.name);
    table.columns.push_back({c.name, c.expr->type, c.expr->nullable, c.key || declared_key});
  }
  if (auto it = general.find("key"); it != general.end()) {
    table.properties["key"] = it->second;
    general.erase(it);
    if (!apply_key_property(table)) return;
  }
  for (const auto& [key, value] : general) {
    diags_.report(DiagId::unknown_property, value.range, {key, " for CREATE TABLE ... AS"}).hint =
        suggest(key, {"key", "format", "schema.sample", "on.error", "dlq.path", "watch"});
  }
  if (table.key_columns().empty()) {
    diags_.report(DiagId::missing_property, cs.name_range,
                  {"table '" + cs.name + "' has no key: mark a select item PRIMARY KEY, or add WITH ('key' = '<column>')"});
    return;
  }
  for (int k : table.key_columns()) table.columns[k].nullable = false;
  prepared_.insert(to_lower(table.name));
  q->sink.table = static_cast<int>(program_.catalog.sources().size());
  program_.catalog.add_source(std::move(table));
}

void ScriptBinder::bind_insert(const ast::InsertInto& ins) {
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


std::optional<BoundProgram> bind_script(const ast::Script& script, const BindOptions& options, Diagnostics& diags) {
  return ScriptBinder(options, diags).bind(script);
}

}  // namespace streamc
