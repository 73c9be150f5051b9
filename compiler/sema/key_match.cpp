#include "sema/key_match.h"

#include "sema/expression_binder.h"

namespace streamc {
namespace {

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

uint64_t relations_used(const BoundExpr& e) {
  uint64_t bits = e.op == BoundOp::Column ? uint64_t(1) << e.source : 0;
  for (const auto& a : e.args) bits |= relations_used(*a);
  return bits;
}

KeyMatch match_key(std::vector<BoundPtr> conjuncts, const SourceDef& table, int relation) {
  KeyMatch out;
  const uint64_t table_bit = uint64_t(1) << relation;
  std::vector<int> key_columns = table.key_columns();
  out.probes.resize(key_columns.size());
  for (auto& c : conjuncts) {
    bool used = false;
    if (c->op == BoundOp::Eq) {
      for (int side = 0; side < 2 && !used; ++side) {
        const BoundExpr* column = table_column(*c->args[side], relation);
        const BoundExpr& other = *c->args[1 - side];
        if (!column || (relations_used(other) & table_bit)) continue;
        for (size_t k = 0; k < key_columns.size(); ++k) {
          if (key_columns[k] != column->column || out.probes[k]) continue;
          const Column& key = table.columns[key_columns[k]];
          BoundPtr probe = clone(other);
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
