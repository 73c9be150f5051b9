// Splits a join's ON into probes of the table's key and a residual condition.
#include "sema/key_match.h"

#include "sema/expression_binder.h"

namespace streamc {
namespace {

// The table column an equality side names, looking through an implicit
// conversion; nullptr when the side is anything else.
const Expr* table_column(const Expr& side, int relation) {
  const Expr* e = &side;
  if (e->op == ExprOp::Cast && e->args.size() == 1) e = e->args[0].get();
  return e->op == ExprOp::Column && e->source == relation ? e : nullptr;
}

}  // namespace

void split_conjuncts(ExprPtr e, std::vector<ExprPtr>& out) {
  if (!e) return;
  if (e->op == ExprOp::And) {
    for (auto& a : e->args) split_conjuncts(std::move(a), out);
    return;
  }
  out.push_back(std::move(e));
}

ExprPtr and_all(std::vector<ExprPtr> parts) {
  ExprPtr out;
  for (auto& p : parts) {
    if (!out) {
      out = std::move(p);
      continue;
    }
    auto both = make_node(ExprOp::And, SqlType::boolean(), out->nullable || p->nullable, join(out->range, p->range));
    both->text = out->text + " AND " + p->text;
    both->args.push_back(std::move(out));
    both->args.push_back(std::move(p));
    out = std::move(both);
  }
  return out;
}

uint64_t relations_used(const Expr& e) {
  uint64_t bits = e.op == ExprOp::Column ? uint64_t(1) << e.source : 0;
  for (const auto& a : e.args) bits |= relations_used(*a);
  return bits;
}

KeyMatch match_key(std::vector<ExprPtr> conjuncts, const SourceDef& table, int relation) {
  KeyMatch out;
  const uint64_t table_bit = uint64_t(1) << relation;
  std::vector<int> key_columns = table.key_columns();
  out.probes.resize(key_columns.size());
  for (auto& c : conjuncts) {
    bool used = false;
    if (c->op == ExprOp::Eq) {
      for (int side = 0; side < 2 && !used; ++side) {
        const Expr* column = table_column(*c->args[side], relation);
        const Expr& other = *c->args[1 - side];
        if (!column || (relations_used(other) & table_bit)) continue;
        for (size_t k = 0; k < key_columns.size(); ++k) {
          if (key_columns[k] != column->column || out.probes[k]) continue;
          const Column& key = table.columns[key_columns[k]];
          ExprPtr probe = clone(other);
          if (probe->type != key.type) {
            // A probe wider than the key is narrowed with TRY_CAST (out of range: no match), and the
            // equality is checked again in the wider type so that no rounding can make a false match.
            bool exact = common_type(probe->type, key.type) == std::optional<SqlType>(key.type);
            probe = make_cast(std::move(probe), key.type, !exact);
            if (!exact) out.residual.push_back(clone(*c));
          }
          out.probes[k] = std::move(probe);
          used = true;
          break;
        }
      }
    }
    if (!used) out.residual.push_back(std::move(c));
  }
  for (size_t k = 0; k < key_columns.size(); ++k) {
    if (!out.probes[k]) {
      out.missing = key_columns[k];
      break;
    }
  }
  return out;
}

}  // namespace streamc
