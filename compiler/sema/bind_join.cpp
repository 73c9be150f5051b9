// Stream-table joins: the ON clause splits into the probe of the table's key
// (one value per key column, computed from the relations to the left) and a
// residual condition checked on the row found.
#include "sema/key_match.h"
#include "sema/script_binder.h"
#include "util/strings.h"

namespace streamc {
namespace {

const char* join_name(ast::JoinType t) {
  switch (t) {
    case ast::JoinType::Inner: return "JOIN";
    case ast::JoinType::Left: return "LEFT JOIN";
    case ast::JoinType::Right: return "RIGHT JOIN";
    case ast::JoinType::Full: return "FULL JOIN";
    case ast::JoinType::Cross: return "CROSS JOIN";
    case ast::JoinType::Comma: return "a comma join";
  }
  return "JOIN";
}

}  // namespace

bool ScriptBinder::bind_join(const ast::Join& clause, int relation, BoundQuery& bq) {
  const BoundRelation& rel = bq.relations[relation];
  const SourceDef& table = program_.catalog.sources()[rel.source];
  const SourceDef& stream = program_.catalog.sources()[bq.relations[0].source];
  if (relation >= 64) {
    diags_.report(DiagId::not_supported, clause.range, {"a query with more than 63 joins"});
    return false;
  }
  if (table.kind == SourceKind::Stream) {
    if (!clause.within) {
      bool velostream = table.properties.count("type") > 0;
      std::string as_table = velostream ? "add '" + table.name + ".key' = '<column>' to make '" + table.name + "' a table"
                                        : "declare '" + table.name + "' with CREATE TABLE and a PRIMARY KEY";
      diags_.report(DiagId::stream_join_needs_within, clause.relation.range,
                    {"'" + stream.name + "' and '" + table.name +
                     "' are both streams, and a join of two streams needs a time bound"})
          .hint = "add WITHIN, as in 'JOIN " + table.name + " WITHIN 1 HOUR ON ...', or " + as_table;
      return false;
    }
    diags_.report(DiagId::not_supported, clause.range, {"a join of two streams (JOIN ... WITHIN)"});
    return false;
  }
  if (clause.within) {
    diags_.report(DiagId::bad_property, clause.within->range,
                  {"WITHIN bounds a join of two streams, but '" + table.name + "' is a table"});
    return false;
  }
  bool outer_right = clause.type == ast::JoinType::Right || clause.type == ast::JoinType::Full;
  if (clause.type != ast::JoinType::Inner && clause.type != ast::JoinType::Left && !outer_right) {
    diags_.report(DiagId::not_supported, clause.range, {std::string(join_name(clause.type))});
    return false;
  }
  if (outer_right && !bq.from_table) {
    diags_.report(DiagId::not_supported, clause.range,
                  {std::string(join_name(clause.type)) + " of a stream and a table (a stream joins a table with JOIN "
                   "or LEFT JOIN; RIGHT and FULL join two tables)"});
    return false;
  }
  if (outer_right && relation != 1) {
    diags_.report(DiagId::not_supported, clause.range,
                  {std::string(join_name(clause.type)) + " after another join (it joins two tables)"});
    return false;
  }
  if (!clause.on) {
    diags_.report(DiagId::missing_property, clause.range, {"a join needs ON, matching the key of '" + table.name + "'"});
    return false;
  }
  if (table.key_columns().empty()) return false;  // reported where the table is declared
  std::vector<ScopeEntry> scope;
  for (int i = 0; i <= relation; ++i) {
    bool outer = i > 0 && i < relation && bq.joins[i - 1].kind != JoinKind::Inner;
    scope.push_back({bq.relations[i].source, bq.relations[i].alias, outer});
  }
  ExpressionBinder binder(program_.catalog, scope, diags_);
  ExprPtr on = binder.bind(*clause.on);
  if (!on) return false;
  if (on->type.id != TypeId::Boolean) {
    diags_.report(DiagId::where_not_boolean, on->range, {"ON", on->type.to_string()});
    return false;
  }
  std::vector<ExprPtr> conjuncts;
  split_conjuncts(std::move(on), conjuncts);
  KeyMatch match = match_key(std::move(conjuncts), table, relation);
  if (match.missing >= 0) {
    std::vector<std::string> names;
    for (int col : table.key_columns()) names.push_back(rel.alias + "." + table.columns[col].name);
    const std::string missing = rel.alias + "." + table.columns[match.missing].name;
    diags_.report(DiagId::type_mismatch, clause.on->range,
                  {"the join with '" + table.name + "' must match its key (" + join(names, ", ") +
                   "), but nothing in ON gives '" + missing + "'"})
        .hint = "add '" + missing + " = <a value from " + bq.alias + ">'";
    return false;
  }
  BoundJoin out;
  out.relation = relation;
  out.kind = clause.type == ast::JoinType::Left    ? JoinKind::Left
             : clause.type == ast::JoinType::Right ? JoinKind::Right
             : clause.type == ast::JoinType::Full  ? JoinKind::Full
                                                   : JoinKind::Inner;
  out.key = std::move(match.probes);
  out.residual = and_all(std::move(match.residual));
  out.range = clause.range;
  bq.joins.push_back(std::move(out));
  return true;
}

}  // namespace streamc
