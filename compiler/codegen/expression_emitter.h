// Emits C++ for bound expressions. Nullability decides the code shape: a
// NOT NULL operand pays nothing for NULL handling. Every inner node becomes a
// named constant (v3, with n3 for its NULL flag), so the generated code reads
// top to bottom like the SQL it came from; the C++ compiler folds it all.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "codegen/code_writer.h"
#include "plan/plan.h"
#include "ir/expr.h"

namespace streamc {

struct Value {
  std::string code;  // a C++ expression: a name, a field or a literal
  std::string null;  // a C++ expression true when the value is NULL; empty: never NULL
  bool nullable() const { return !null.empty(); }
};

// How an expression reaches the row of one relation: `r.` for the stream
// record, `row_u->` for the row a join found.
struct RowRef {
  std::string access;        // "r." or "row_u->"
  const RowLayout* layout;   // the row struct's fields
};

class ExprEmitter {
 public:
  // `rows` maps each relation of the query to its row; `counter` numbers the
  // temporaries of one function.
  ExprEmitter(CodeWriter& w, std::vector<RowRef> rows, int& counter)
      : w_(w), rows_(std::move(rows)), counter_(counter), base_depth_(w.depth()) {}

  Value emit(const Expr& e);

  // Subqueries need the plan (their tables and caches); the pipeline's
  // relations beyond `rows` are the subqueries' tables.
  void set_plan(const Plan* plan) { plan_ = plan; }
  // What an error does: by default `return fail("...");` in a pipeline.
  void set_failure(std::string pattern) { failure_ = std::move(pattern); }
  void set_row(int relation, RowRef row);
  // What GroupKey(i) and AggregateRef(j) read in a pipeline that groups.
  void set_group(std::vector<Value> keys, std::vector<Value> aggregates) {
    group_keys_ = std::move(keys);
    group_aggregates_ = std::move(aggregates);
  }
  // What WindowBound(0) and WindowBound(1) read: the window's start and end.
  void set_window(Value start, Value end) { window_bounds_ = {std::move(start), std::move(end)}; }
  // What AnalyticRef(i) reads: the row analytics the Analytic operator computed.
  void set_analytics(std::vector<Value> analytics) { analytics_ = std::move(analytics); }
  // What HeldRef(i) reads: the values held with a record until its LEADs are known.
  void set_held(std::vector<Value> held) { held_ = std::move(held); }
  // A C++ condition that holds when `e` is TRUE (not FALSE, not NULL).
  std::string emit_condition(const Expr& e);

 private:
  // expression_emitter.cpp
  Value emit_uncached(const Expr& e);
  Value literal(const Expr& e);
  Value column(const Expr& e);
  Value logical(const Expr& e);
  Value comparison(const Expr& e);
  Value predicate(const Expr& e);
  Value conditional(const Expr& e);
  Value coalesce(const Expr& e);
  // emit_operators.cpp
  Value arithmetic(const Expr& e);
  Value cast(const Expr& e);
  Value function(const Expr& e);
  // emit_subquery.cpp
  Value subquery(const Expr& e);
  Value keyed_subquery(const Expr& e, const SubqueryPlan& plan);
  Value cached_subquery(const Expr& e, const SubqueryPlan& plan);
  Value indexed_subquery(const Expr& e, const SubqueryPlan& plan);

  std::vector<Value> emit_args(const Expr& e);
  std::string fresh(const char* prefix = "v");
  // const T v = code; with n = null-of-args when nullable.
  Value pure(const Expr& e, const std::string& code, const std::vector<Value>& args);
  // A result computed by `check` (a call that assigns `{out}` and returns
  // false on overflow / bad input). `null_when` (may be empty) makes the result
  // NULL instead of computing it, e.g. division by zero. try_cast: failure is NULL.
  Value checked(const Expr& e, const std::vector<Value>& args, const std::string& check,
                const std::string& null_when, const std::string& what, bool failure_is_null = false);
  // A value that cannot fail but is NULL when `condition` holds (x / 0).
  Value null_when(const Expr& e, const std::vector<Value>& args, const std::string& code,
                  const std::string& condition);
  std::string fail(const std::string& what, const Expr& e);

  CodeWriter& w_;
  std::vector<RowRef> rows_;
  int& counter_;
  const Plan* plan_ = nullptr;
  std::string failure_ = "return fail({});";
  // Common subexpressions: a value computed at the function's top level (so
  // in scope for the rest of it) is reused when the same expression comes
  // again, e.g. quantity * price in WHERE and in the select list.
  int base_depth_;
  std::map<std::string, Value> computed_;
  std::vector<Value> group_keys_;        // GroupKey(i)
  std::vector<Value> group_aggregates_;  // AggregateRef(j)
  std::vector<Value> analytics_;         // AnalyticRef(i)
  std::vector<Value> window_bounds_;     // WindowBound(0), WindowBound(1)
  std::vector<Value> held_;              // HeldRef(i)
};

// Helpers shared by the codegen files.
std::string null_of(const std::vector<Value>& args);  // "a || b", or "" when none is nullable
std::string default_value(const SqlType& t);
std::string row_null_constant(const std::string& field);  // kPriceNull
// The null bits of a row: one uint64_t word up to 64 columns, then an array.
int null_words(const RowLayout& row);
std::string null_word(const RowLayout& row, int slot);  // "nulls" or "nulls[1]"

}  // namespace streamc
