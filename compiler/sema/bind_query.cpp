// Binds one query: its relations (the stream read and the tables joined to
// it), the select list, WHERE and LIMIT, and where its output goes.
#include <streamc/property.h>

#include "sema/script_binder.h"
#include "util/strings.h"

namespace streamc {

void ScriptBinder::reject_unsupported(const ast::Query& q) {
  if (!q.order_by.empty()) diags_.report(DiagId::not_supported, q.order_by[0].range, {"ORDER BY on a stream"});
  if (q.distinct) diags_.report(DiagId::not_supported, q.range, {"SELECT DISTINCT"});
}

// The catalog index of a relation's source, prepared (properties checked,
// schema known); nullopt after reporting. `FROM file://x.csv` registers an
// anonymous file source whose properties come from `uri_properties`.
std::optional<int> ScriptBinder::resolve_relation(const ast::Relation& rel, Properties* uri_properties) {
  if (rel.kind == ast::RelationKind::WindowFunction) {
    // TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), ...)) reads bids; bind_window takes the window.
    ast::Relation named;
    named.name = rel.window_table;
    named.range = rel.range;
    return resolve_relation(named, uri_properties);
  }
  if (rel.kind == ast::RelationKind::Subquery) {
    diags_.report(DiagId::not_supported, rel.range, {"a subquery in FROM"});
    return std::nullopt;
  }
  if (rel.kind == ast::RelationKind::Uri) {
    const std::string scheme = "file://";
    if (rel.uri.rfind(scheme, 0) != 0) {
      diags_.report(DiagId::not_supported, rel.range, {"the source URI '" + rel.uri + "' (only file:// is)"});
      return std::nullopt;
    }
    SourceDef def;
    def.name = rel.alias.empty() ? "file_" + std::to_string(++uri_sources_) : rel.alias;
    def.range = rel.range;
    def.properties["connector"] = {"file", rel.range};
    def.properties["path"] = {rel.uri.substr(scheme.size()), rel.range};
    if (uri_properties) {
      for (auto it = uri_properties->begin(); it != uri_properties->end();) {
        if (!uri_source_property(it->first)) {
          ++it;
          continue;
        }
        def.properties[it->first] = it->second;
        it = uri_properties->erase(it);
      }
    }
    // A column list written on CREATE TABLE ... AS is the file's schema (no discovery).
    def.columns = uri_columns_;
    program_.catalog.add_source(std::move(def));
    SourceDef& added = program_.catalog.sources().back();
    if (!prepare_source(added, rel.range)) return std::nullopt;
    return static_cast<int>(program_.catalog.sources().size() - 1);
  }
  SourceDef* src = program_.catalog.find_source(rel.name);
  if (!src) {
    if (derived_.count(to_lower(rel.name))) {
      diags_.report(DiagId::not_supported, rel.range, {"reading the derived stream '" + rel.name + "'"});
    } else {
      diags_.report(DiagId::unknown_source, rel.range, {rel.name}).hint =
          suggest(rel.name, program_.catalog.source_names());
    }
    return std::nullopt;
  }
  int index = static_cast<int>(src - &program_.catalog.sources()[0]);
  if (!prepare_source(*src, rel.range)) return std::nullopt;
  return index;
}

BoundQuery* ScriptBinder::bind_query(const ast::Query& q, const std::string& target, SinkDef sink,
                                     SourceRange range, Properties* general) {
  int errors_before = diags_.error_count();
  Properties local;
  Properties* uri_properties = general ? general : &local;
  register_named(q, target, sink, *uri_properties);
  // Event-time properties at the top of the query's WITH are its stream's.
  Properties time_properties;
  for (auto it = uri_properties->begin(); it != uri_properties->end();) {
    if (!is_time_property(it->first)) {
      ++it;
      continue;
    }
    time_properties.insert(*it);
    it = uri_properties->erase(it);
  }
  check_properties(time_properties, kStream, "", diags_);
  if (!general) {
    for (const auto& [key, value] : local) {
      if (uri_source_property(key) && q.from && q.from->kind == ast::RelationKind::Uri) continue;
      diags_.report(DiagId::unknown_property, value.range, {key, " in a query's WITH clause"}).hint =
          "name sources and sinks as '<name>.type', '<name>.path', '<name>.format'";
    }
  }
  reject_unsupported(q);
  if (!q.from) {
    diags_.report(DiagId::no_source, q.range, {"a query needs a FROM clause naming a stream"});
    return nullptr;
  }
  auto first = resolve_relation(*q.from, uri_properties);
  if (!first || diags_.error_count() > errors_before) return nullptr;
  const SourceDef& stream = program_.catalog.sources()[*first];
  if (stream.producer >= 0) {
    diags_.report(DiagId::not_supported, q.from->range,
                  {"reading the materialized table '" + stream.name + "' in FROM (join it to a stream instead)"});
    return nullptr;
  }
  bool from_table = stream.kind == SourceKind::Table;
  if (from_table) {
    // FROM users u JOIN orders o: the stream belongs in FROM.
    for (const ast::Join& j : q.joins) {
      if (j.relation.kind != ast::RelationKind::Named) continue;
      const SourceDef* other = program_.catalog.find_source(j.relation.name);
      if (!other || other->kind != SourceKind::Stream) continue;
      diags_.report(DiagId::not_supported, q.from->range, {"a join with the table '" + stream.name + "' first"})
          .hint = "a query reads its stream in FROM and joins tables to it: write 'FROM " + other->name + " JOIN " +
                  stream.name + " ON ...'";
      return nullptr;
    }
  }
  BoundQuery bq;
  bq.from_table = from_table;
  bq.source = *first;
  bq.alias = q.from->alias.empty() ? stream.name : q.from->alias;
  bq.relations.push_back({*first, bq.alias});
  bq.range = range;
  for (const ast::Join& join : q.joins) {
    auto table = resolve_relation(join.relation, uri_properties);
    if (!table) return nullptr;
    const SourceDef& src = program_.catalog.sources()[*table];
    std::string alias = join.relation.alias.empty() ? src.name : join.relation.alias;
    for (const auto& r : bq.relations) {
      if (iequals(r.alias, alias)) {
        diags_.report(DiagId::duplicate_alias, join.relation.range, {alias});
        return nullptr;
      }
    }
    bq.relations.push_back({*table, alias});
    if (!bind_join(join, static_cast<int>(bq.relations.size() - 1), bq)) return nullptr;
  }
  std::vector<ScopeEntry> scope;
  for (size_t i = 0; i < bq.relations.size(); ++i) {
    bool outer = i > 0 && (bq.joins[i - 1].kind == JoinKind::Left || bq.joins[i - 1].kind == JoinKind::Full);
    // RIGHT and FULL joins (of two tables) keep rows of the right table that nothing matched.
    if (i == 0 && !bq.joins.empty()) {
      outer = bq.joins[0].kind == JoinKind::Right || bq.joins[0].kind == JoinKind::Full;
    }
    scope.push_back({bq.relations[i].source, bq.relations[i].alias, outer});
  }
  ExpressionBinder binder(program_.catalog, scope, diags_);
  binder.allow_subqueries([this, uri_properties](const ast::Relation& rel) { return resolve_relation(rel, uri_properties); });
  bind_window(q, binder, bq, time_properties);
  binder.allow_aggregates(true);
  binder.allow_analytics(true);
  bind_items(q, binder, bq);
  binder.allow_aggregates(false);
  binder.allow_analytics(false);
  bind_grouping(q, binder, bq);
  bind_analytics(bq);
  binder.allow_window_bounds(false);  // WHERE runs before the record is in a window
  if (q.where) {
    ExprPtr where = binder.bind(*q.where);
    if (where && where->type.id != TypeId::Boolean && where->type.id != TypeId::Null) {
      diags_.report(DiagId::where_not_boolean, where->range, {"WHERE", where->type.to_string()});
    } else if (where) {
      bq.where = make_cast(std::move(where), SqlType::boolean());
    }
  }
  // Subqueries put their tables after the query's own relations.
  for (size_t i = bq.relations.size(); i < binder.scope().size(); ++i) {
    bq.relations.push_back({binder.scope()[i].source, binder.scope()[i].alias});
  }
  if (bq.relations.size() > 64) {
    diags_.report(DiagId::not_supported, q.range, {"a query reading more than 64 streams, tables and subqueries"});
  }
  if (q.limit) bq.limit = *q.limit;
  if (!sink.declared_columns.empty()) conform_to_declared(sink, bq);
  bq.sink = std::move(sink);
  if (diags_.error_count() != errors_before) return nullptr;
  program_.queries.push_back(std::move(bq));
  return &program_.queries.back();
}

void ScriptBinder::bind_items(const ast::Query& q, ExpressionBinder& binder, BoundQuery& bq) {
  struct Origin {
    const BoundRelation* star;  // the relation a * brought the column from, or null
  };
  std::map<std::string, Origin> names;
  auto add = [&](std::string name, ExprPtr expr, bool key, SourceRange range, const BoundRelation* star) {
    if (!expr) return;
    std::string lower = to_lower(name);
    if (auto it = names.find(lower); it != names.end()) {
      const BoundRelation* first = it->second.star;
      if (star && first && first != star) {
        // An alias cannot rename what * brings in: name the relations and a way out.
        std::string other;
        for (const auto& c : program_.catalog.sources()[star->source].columns) {
          if (!names.count(to_lower(c.name)) && other.empty()) other = star->alias + "." + c.name;
        }
        diags_.report(DiagId::duplicate_star_column, range, {name, first->alias, star->alias}).hint =
            "select the columns by name, as in '" + first->alias + ".*" + (other.empty() ? "" : ", " + other) + "'";
      } else {
        diags_.report(DiagId::duplicate_output_column, range, {name});
      }
      return;
    }
    names[lower] = {star};
    bq.columns.push_back({std::move(name), std::move(expr), key});
  };
  auto expand = [&](const BoundRelation& r, SourceRange range) {
    for (const auto& c : program_.catalog.sources()[r.source].columns) {
      ast::ColumnRefExpr ref(range, r.alias, c.name);
      add(c.name, binder.bind_column(ref), false, range, &r);
    }
  };
  const size_t own_relations = bq.joins.size() + 1;  // not the tables of subqueries
  for (const auto& item : q.items) {
    if (item.kind == ast::SelectItemKind::Star) {
      for (size_t i = 0; i < own_relations && i < bq.relations.size(); ++i) expand(bq.relations[i], item.range);
      continue;
    }
    if (item.kind == ast::SelectItemKind::QualifiedStar) {
      const BoundRelation* found = nullptr;
      std::vector<std::string> aliases;
      for (const auto& r : bq.relations) {
        aliases.push_back(r.alias);
        if (iequals(r.alias, item.qualifier)) found = &r;
      }
      if (!found) {
        diags_.report(DiagId::unknown_qualifier, item.range, {item.qualifier}).hint = suggest(item.qualifier, aliases);
        continue;
      }
      expand(*found, item.range);
      continue;
    }
    ExprPtr e = binder.bind(*item.expr);
    if (!e) continue;
    std::string name = item.alias;
    if (name.empty()) name = e->op == ExprOp::Column ? e->column_name : e->text;
    if (e->type.id == TypeId::Null) e = make_cast(std::move(e), SqlType::varchar());
    add(name, std::move(e), item.primary_key, item.range, nullptr);
  }
}

// INSERT INTO a declared stream: the output takes its column names and types.
void ScriptBinder::conform_to_declared(const SinkDef& sink, BoundQuery& bq) {
  if (sink.declared_columns.size() != bq.columns.size()) {
    diags_.report(DiagId::type_mismatch, bq.range,
                  {"'" + sink.name + "' has " + std::to_string(sink.declared_columns.size()) +
                   " columns, but the query produces " + std::to_string(bq.columns.size())});
    return;
  }
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

}  // namespace streamc
