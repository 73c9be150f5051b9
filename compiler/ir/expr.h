// The bound expression tree: every name resolved to a column of a source,
// every node typed, implicit conversions made explicit as Cast nodes. Code
// generation reads only this tree, never the parsed one.
#pragma once

#include <memory>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source_file.h"
#include "ir/agg_kind.h"
#include "ir/types.h"

namespace streamc {

enum class ExprOp {
  // leaves
  Literal, Column,
  // arithmetic (operands already converted to the result type, except
  // decimal Mul/Div whose operands keep their own scales)
  Negate, Add, Sub, Mul, Div, Mod, Pow,
  // comparison (operands converted to a common type)
  Eq, Ne, Lt, Le, Gt, Ge,
  // logic, three-valued
  And, Or, Not, IsNull, IsNotNull, IsTrue, IsNotTrue, IsFalse, IsNotFalse,
  // predicates
  InList, NotInList, Between, NotBetween, Like, NotLike,
  // conditionals
  Case, Coalesce, NullIf,
  // conversion
  Cast, TryCast,
  // strings
  Concat, ConcatFn, Upper, Lower, Length, Substring, Trim, LTrim, RTrim,
  // math
  Abs, Round, Floor, Ceil,
  // subqueries against a table (Expr::subquery): EXISTS, x IN (SELECT ..),
  // (SELECT ..), x <op> ANY/ALL (SELECT ..)
  Exists, InSubquery, ScalarSubquery, Quantified,
  // GROUP BY: an aggregate over the records of a group (Expr::agg; args: its
  // argument, none for COUNT(*)), as bound; the planner replaces it, and the
  // group keys, in what reads the groups by GroupKey / AggregateRef
  // (Expr::column: the key's or aggregate's index).
  Aggregate, GroupKey, AggregateRef,
  // LAG(x, k, default) OVER (PARTITION BY p...): the value of x k records
  // before this one in its partition (Expr::column: k; args: x, default,
  // then the partition keys). LEAD(x, k, default) likewise, k records after
  // it. The select list reads them by AnalyticRef.
  Lag, Lead, AnalyticRef,
  // Another row analytic (Expr::analytic) over the record's partition, in
  // arrival order: args are the value (FIRST_VALUE, NTH_VALUE, running
  // aggregates; TRUE for COUNT(*)), or the ORDER BY keys (RANK, DENSE_RANK:
  // Expr::column of them), then the partition keys. Expr::column is n for
  // NTH_VALUE; for the others that read a frame, the rows before the current
  // one in it (-1: from the partition's first).
  Over,
  // A time window's bound in a query that groups by one: Expr::column 0 is
  // its start, 1 its end (TIMESTAMP, or BIGINT milliseconds as ksqlDB's
  // WINDOWSTART / WINDOWEND are).
  WindowBound,
  // In a pipeline with LEADs: a value computed when the record arrived and
  // held with it until its LEADs are known (Expr::column: its index in
  // Holding::values). The planner makes these.
  HeldRef,
};

struct Expr;

// A subquery against a table. Correlated on the table's key it is one keyed
// lookup per record; uncorrelated its result is computed once per change of
// the table, not once per record.
struct Subquery {
  int relation = -1;                          // the table's position among the query's relations
  int source = -1;                            // the table (catalog index)
  bool keyed = false;                         // probed by `key`, one value per key column
  std::vector<std::unique_ptr<Expr>> key;
  // Correlated on other columns: an index of the table's rows by
  // `index_columns`, probed with `index_probe` (values from the outer row);
  // `build_filter` (reading the table only) picks the rows indexed.
  bool indexed = false;
  std::vector<int> index_columns;
  std::vector<std::unique_ptr<Expr>> index_probe;
  std::unique_ptr<Expr> build_filter;
  std::unique_ptr<Expr> condition;       // the rest of WHERE; null when none
  std::unique_ptr<Expr> value;           // the selected expression (IN, scalar, ANY/ALL)
  std::optional<AggKind> aggregate;           // a scalar subquery's aggregate, if it has one
  bool count_star = false;                    // COUNT(*)
  int id = 0;                                 // numbers the subqueries of a query
};

// A literal's value, already converted to its node's type.
using LiteralValue = std::variant<std::monostate, bool, int64_t, __int128, double, std::string>;

struct Expr {
  ExprOp op;
  SqlType type;
  bool nullable = true;
  SourceRange range;
  std::vector<std::unique_ptr<Expr>> args;

  LiteralValue literal;        // Literal; a Cast of text to TIMESTAMP: the pattern it reads (a string)
  int source = -1;             // Column: the relation's position in its query (0: the stream read)
  int column = -1;             // Column: index of the column in that source's schema
  std::string column_name;     // Column: for comments and messages
  bool has_else = false;       // Case: args are cond, result pairs, then else
  std::string text;            // the SQL text, for runtime error messages
  std::shared_ptr<const Subquery> subquery;  // subquery nodes
  ExprOp compare = ExprOp::Eq;                  // Quantified: the comparison
  bool all = false;                               // Quantified: ALL (else ANY)
  AggKind agg = AggKind::Count;                   // Aggregate; Over (Running)
  AnalyticKind analytic = AnalyticKind::RowNumber;  // Over (Expr::column: n of NTILE(n))
  // Lag, Over: Velostream's EXPIRE AFTER (ms; 0: never), its last arg then
  // being the event time (the OVER's ORDER BY); EMIT ON BUFFER FULL (the
  // record is written once its partition holds this many rows; 0: always).
  int64_t expire = 0;
  int64_t emit_when_rows = 0;

  bool is_literal() const { return op == ExprOp::Literal; }
  bool is_null_literal() const { return op == ExprOp::Literal && std::holds_alternative<std::monostate>(literal); }
};

using ExprPtr = std::unique_ptr<Expr>;

// A row analytic's (Lag, Lead or Over node's) first partition key among its
// args: after LAG's / LEAD's value and default, RANK's (PERCENT_RANK's,
// CUME_DIST's) ORDER BY keys, the others' value (none for ROW_NUMBER and NTILE).
inline int analytic_partition_from(const Expr& e) {
  if (e.op == ExprOp::Lag || e.op == ExprOp::Lead) return 2;
  switch (e.analytic) {
    case AnalyticKind::RowNumber:
    case AnalyticKind::Ntile: return 0;
    case AnalyticKind::Rank:
    case AnalyticKind::DenseRank:
    case AnalyticKind::PercentRank:
    case AnalyticKind::CumeDist: return e.column;
    case AnalyticKind::FirstValue:
    case AnalyticKind::LastValue:
    case AnalyticKind::NthValue:
    case AnalyticKind::Running: return 1;
  }
  return 1;
}

// A row analytic known only once later records have come: LEAD, and those
// of the whole partition (PERCENT_RANK, CUME_DIST, NTILE). Its records are held.
inline bool needs_later_records(const Expr& e) {
  return e.op == ExprOp::Lead ||
         (e.op == ExprOp::Over && (e.analytic == AnalyticKind::PercentRank || e.analytic == AnalyticKind::CumeDist ||
                                   e.analytic == AnalyticKind::Ntile));
}

// Those of the whole partition: its records are held until the input ends.
inline bool needs_whole_partition(const Expr& e) { return needs_later_records(e) && e.op == ExprOp::Over; }

}  // namespace streamc
