// Stream-table joins: the ON clause splits into the probe of the table's key
// (one value per key column, computed from the relations to the left) and a
// residual condition checked on the row found.
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

BoundPtr and_all(std::vector<BoundPtr> parts) {
  BoundPtr out;
  for (auto& p : parts) {
    if (!out) {
      out = std::move(p);
      continue;
    }
    auto both = make_node(BoundOp::And, SqlType::boolean(), out->nullable || p->nullable, join(out->range, p->range));
    both->text = out->text + " AND " + p->text;
    both->args.push_back(std::move(out));
    both->args.push_back(std::move(p));
    out = std::move(both);
  }
  return out;
}

// The table column an equality side names, looking through an implicit
// conversion; nullptr when the side is anything else.
const BoundExpr* table_column(const BoundExpr& side, int relation) {
  const BoundExpr* e = &side;
  if (e->op == BoundOp::Cast && e->args.size() == 1) e = e->args[0].get();
  return e->op == BoundOp::Column && e->source == relation ? e : nullptr;
}

}  // namespace

void split_conjuncts(BoundPtr e, std::vector<BoundPtr>& out) {
  if (!e) return;
  if (e->op == BoundOp::And) {
    for (auto& a : e->args) split_conjuncts(std::move(a), out);
    return;
  }
  out.push_back(std::move(e));
}

uint64_t relations_used(const BoundExpr& e) {
  uint64_t bits = e.op == BoundOp::Column ? uint64_t(1) << e.source : 0;
  for (const auto& a : e.args) bits |= relations_used(*a);
  return bits;
}

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
  if (clause.type != ast::JoinType::Inner && clause.type != ast::JoinType::Left) {
    diags_.report(DiagId::not_supported, clause.range,
                  {std::string(join_name(clause.type)) + " of a stream and a table (a stream joins a table with JOIN "
                   "or LEFT JOIN)"});
    return false;
  }
  if (!clause.on) {
    diags_.report(DiagId::missing_property, clause.range, {"a join needs ON, matching the key of '" + table.name + "'"});
    return false;
  }
  std::vector<ScopeEntry> scope;
  for (int i = 0; i <= relation; ++i) {
    bool outer = i > 0 && i < relation && bq.joins[i - 1].kind == JoinKind::Left;
    scope.push_back({bq.relations[i].source, bq.relations[i].alias, outer});
  }
  ExpressionBinder binder(program_.catalog, scope, diags_);
  BoundPtr on = binder.bind(*clause.on);
  if (!on) return false;
  if (on->type.id != TypeId::Boolean) {
    diags_.report(DiagId::where_not_boolean, on->range, {"ON", on->type.to_string()});
    return false;
  }
  std::vector<BoundPtr> conjuncts;
  split_conjuncts(std::move(on), conjuncts);

  const uint64_t table_bit = uint64_t(1) << relation;
  std::vector<int> key_columns = table.key_columns();
  std::vector<BoundPtr> probes(key_columns.size());
  std::vector<BoundPtr> residual;
  for (auto& c : conjuncts) {
    bool used = false;
    if (c->op == BoundOp::Eq) {
      for (int side = 0; side < 2 && !used; ++side) {
        const BoundExpr* column = table_column(*c->args[side], relation);
        const BoundExpr& other = *c->args[1 - side];
        uint64_t other_uses = relations_used(other);
        if (!column || (other_uses & table_bit)) continue;
        for (size_t k = 0; k < key_columns.size(); ++k) {
          if (key_columns[k] != column->column || probes[k]) continue;
          const Column& key = table.columns[key_columns[k]];
          BoundPtr probe = clone(other);
          if (probe->type != key.type) {
            // A probe wider than the key is narrowed with TRY_CAST (out of range: no match), and the
            // equality is checked again in the wider type so that no rounding can make a false match.
            bool exact = common_type(probe->type, key.type) == std::optional<SqlType>(key.type);
            probe = make_cast(std::move(probe), key.type, !exact);
            if (!exact) residual.push_back(clone(*c));
          }
          probes[k] = std::move(probe);
          used = true;
          break;
        }
      }
    }
    if (!used) residual.push_back(std::move(c));
  }
  for (size_t k = 0; k < key_columns.size(); ++k) {
    if (probes[k]) continue;
    std::vector<std::string> names;
    for (int col : key_columns) names.push_back(rel.alias + "." + table.columns[col].name);
    diags_.report(DiagId::type_mismatch, clause.on->range,
                  {"the join with '" + table.name + "' must match its key (" + join(names, ", ") +
                   "), but nothing in ON gives '" + rel.alias + "." + table.columns[key_columns[k]].name + "'"})
        .hint = "add '" + rel.alias + "." + table.columns[key_columns[k]].name + " = <a value from " + bq.alias + ">'";
    return false;
  }
  BoundJoin out;
  out.relation = relation;
  out.kind = clause.type == ast::JoinType::Left ? JoinKind::Left : JoinKind::Inner;
  out.key = std::move(probes);
  out.residual = and_all(std::move(residual));
  out.range = clause.range;
  bq.joins.push_back(std::move(out));
  return true;
}

}  // namespace streamc
