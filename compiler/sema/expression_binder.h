// Binds parsed expressions against the sources in scope: resolves column
// names, types every node and makes implicit conversions explicit.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ast/statements.h"
#include "diag/diagnostics.h"
#include "ir/expr.h"
#include "ir/expr_fields.h"
#include "sema/catalog.h"

namespace streamc {

// A source visible to an expression: FROM trades t puts `trades` in scope as `t`.
struct ScopeEntry {
  int source;          // index in the catalog
  std::string alias;   // the alias, or the source's own name
  bool outer = false;  // LEFT JOINed: every column may be NULL (no match)
  bool hidden = false; // a subquery's table: visible only inside its subquery
};

// Resolves a FROM relation to a prepared catalog source (the script binder
// checks its properties and discovers its schema); nullopt after reporting.
using RelationResolver = std::function<std::optional<int>(const ast::Relation&)>;

class ExpressionBinder {
 public:
  ExpressionBinder(const Catalog& catalog, std::vector<ScopeEntry> scope, Diagnostics& diags)
      : catalog_(catalog), scope_(std::move(scope)), diags_(diags) {}

  // Null after reporting an error.
  ExprPtr bind(const ast::ParsedExpr& expr);

  // Subqueries become relations of the query (after its own); `resolver`
  // finds their tables. Without one, a subquery is an error.
  void allow_subqueries(RelationResolver resolver) { resolver_ = std::move(resolver); }
  const std::vector<ScopeEntry>& scope() const { return scope_; }

  // Converts to `target` (an implicit conversion); reports and returns null
  // when there is none.
  ExprPtr convert(ExprPtr expr, SqlType target);

  ExprPtr bind_column(const ast::ColumnRefExpr& ref);

  // Aggregates (COUNT, SUM, ...) bind where a query with GROUP BY reads its
  // groups: the select list and HAVING; elsewhere they are an error.
  void allow_aggregates(bool on) { aggregates_ = on; }
  // Row analytics (LAG ... OVER) bind in the select list of a query that does not group.
  void allow_analytics(bool on) { analytics_ = on; }

  // A query that groups by a time window reads its bounds: window_start,
  // WINDOWSTART, _window_start, TUMBLE_START(...) and their ends.
  void allow_window_bounds(bool on) { window_bounds_ = on; }
  // The WindowBound node `name` names (a column or a function), or null.
  ExprPtr window_bound(const std::string& name, SourceRange range, bool function) const;

  const SourceFile* file() const { return diags_.file(); }

 private:
  friend class FunctionBinder;
  friend ExprPtr bind_function(ExpressionBinder&, const ast::FunctionExpr&, Diagnostics&);
  ExprPtr bind_literal(const ast::LiteralExpr& lit);
  ExprPtr bind_unary(const ast::UnaryExpr& e);
  ExprPtr bind_binary(const ast::BinaryExpr& e);
  ExprPtr bind_arithmetic(const ast::BinaryExpr& e, ExprPtr l, ExprPtr r);
  ExprPtr bind_comparison(ExprOp op, SourceRange range, SourceRange op_range, ExprPtr l, ExprPtr r);
  ExprPtr bind_logical(ExprOp op, SourceRange range, ExprPtr l, ExprPtr r);
  ExprPtr bind_in_list(const ast::InListExpr& e);
  ExprPtr bind_between(const ast::BetweenExpr& e);
  ExprPtr bind_like(const ast::LikeExpr& e);
  ExprPtr bind_case(const ast::CaseExpr& e);
  ExprPtr bind_cast(const ast::CastExpr& e);
  // bind_function.cpp
  ExprPtr bind_aggregate(const ast::FunctionExpr& f, AggKind kind);
  // bind_analytic.cpp
  ExprPtr bind_analytic(const ast::FunctionExpr& f);
  ExprPtr bind_over(const ast::FunctionExpr& f);
  bool bind_partition(const ast::WindowSpec& over, Expr& node);
  ExprPtr require_boolean(ExprPtr e, const char* what);
  // bind_subquery.cpp
  ExprPtr bind_subquery(const ast::ParsedExpr& e);
  std::shared_ptr<Subquery> bind_subquery_body(const ast::Query& q, bool wants_value, bool scalar);

  std::string text_of(SourceRange r) const;
  bool window_bounds_ = false;

  const Catalog& catalog_;
  std::vector<ScopeEntry> scope_;
  Diagnostics& diags_;
  RelationResolver resolver_;
  int inner_ = -1;       // while binding a subquery: its table's relation
  int subqueries_ = 0;
  bool aggregates_ = false;
  bool in_aggregate_ = false;  // binding an aggregate's argument: no aggregate inside
  bool analytics_ = false;
};

// Helpers shared by the binder files.
ExprPtr make_node(ExprOp op, SqlType type, bool nullable, SourceRange range);
bool castable(SqlType from, SqlType to);
ExprPtr make_cast(ExprPtr e, SqlType to, bool try_cast = false);

// The function library: UPPER, LOWER, LENGTH, SUBSTRING, CONCAT, TRIM, ABS,
// ROUND, FLOOR, CEIL, COALESCE, NULLIF, MOD.
ExprPtr bind_function(ExpressionBinder& binder, const ast::FunctionExpr& f, Diagnostics& diags);

// The type of an aggregate over values of type `arg`: COUNT BIGINT, SUM exact
// (BIGINT, DECIMAL(38, s)) or DOUBLE, AVG DOUBLE, MIN and MAX the values' type.
SqlType aggregate_type(AggKind kind, const SqlType& arg);

}  // namespace streamc
