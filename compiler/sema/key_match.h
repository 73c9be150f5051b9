// Matching conditions against a table's key: the equalities that give every
// key column a value computed elsewhere become the probe of a keyed lookup;
// the rest is a residual checked on the row found. Joins (ON) and subqueries
// (WHERE) both use it.
#pragma once

#include <vector>

#include "ir/expr.h"
#include "sema/catalog.h"

namespace streamc {

struct KeyMatch {
  std::vector<ExprPtr> probes;    // one per key column, in key order; null where none was given
  std::vector<ExprPtr> residual;  // the other conjuncts
  int missing = -1;                // the first key column (schema index) without a probe; -1 when none
};

// `relation`: the table's position among the query's relations.
KeyMatch match_key(std::vector<ExprPtr> conjuncts, const SourceDef& table, int relation);

// Splits an AND tree into its conjuncts (moving them out of `e`), and joins
// conjuncts back into one AND tree (null for none).
void split_conjuncts(ExprPtr e, std::vector<ExprPtr>& out);
ExprPtr and_all(std::vector<ExprPtr> parts);
// The relations (positions in BoundQuery::relations) an expression reads, as bits.
uint64_t relations_used(const Expr& e);

}  // namespace streamc
