// The parsed (unresolved) expression tree. Names are strings as written; types
// come later, in the bound tree of sema/. Every node carries its SourceRange.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "diag/source_file.h"

namespace streamc::ast {

struct Query;
struct OrderItem;

enum class ExprKind {
  Literal, ColumnRef, Unary, Binary, IsNull, IsTruth, InList, InSubquery,
  Quantified, Between, Like, Case, Cast, Function, Exists, Subquery,
};

class ParsedExpr {
 public:
  ParsedExpr(ExprKind kind, SourceRange range) : kind(kind), range(range) {}
  virtual ~ParsedExpr() = default;

  // Checked downcast, DuckDB style: the kind must match.
  template <class T> T& as() {
    if (kind != T::kKind) throw std::logic_error("bad ParsedExpr cast");
    return static_cast<T&>(*this);
  }
  template <class T> const T& as() const {
    if (kind != T::kKind) throw std::logic_error("bad ParsedExpr cast");
    return static_cast<const T&>(*this);
  }

  const ExprKind kind;
  SourceRange range;
};

using ExprPtr = std::unique_ptr<ParsedExpr>;
using QueryPtr = std::unique_ptr<Query>;

enum class LiteralKind { Integer, Decimal, Float, String, Boolean, Null, Timestamp, Date, Interval };

struct LiteralExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Literal;
  LiteralExpr(SourceRange r, LiteralKind k, std::string v) : ParsedExpr(kKind, r), literal(k), value(std::move(v)) {}
  LiteralKind literal;
  std::string value;        // unquoted text: digits, the string's bytes, "true"
  int64_t interval_ms = 0;  // for Interval
};

struct ColumnRefExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::ColumnRef;
  ColumnRefExpr(SourceRange r, std::string q, std::string n) : ParsedExpr(kKind, r), qualifier(std::move(q)), name(std::move(n)) {}
  std::string qualifier;  // empty when unqualified
  std::string name;
  SourceRange name_range;
};

enum class UnaryOp { Negate, Plus, Not };

struct UnaryExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Unary;
  UnaryExpr(SourceRange r, UnaryOp o, ExprPtr c) : ParsedExpr(kKind, r), op(o), child(std::move(c)) {}
  UnaryOp op;
  ExprPtr child;
};

enum class BinaryOp { Add, Sub, Mul, Div, Mod, Pow, Concat, Eq, Ne, Lt, Le, Gt, Ge, And, Or };

const char* binary_op_text(BinaryOp op);

struct BinaryExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Binary;
  BinaryExpr(SourceRange r, BinaryOp o, ExprPtr l, ExprPtr rr)
      : ParsedExpr(kKind, r), op(o), left(std::move(l)), right(std::move(rr)) {}
  BinaryOp op;
  ExprPtr left, right;
  SourceRange op_range;
};

struct IsNullExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::IsNull;
  IsNullExpr(SourceRange r, bool n, ExprPtr c) : ParsedExpr(kKind, r), negated(n), child(std::move(c)) {}
  bool negated;
  ExprPtr child;
};

struct IsTruthExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::IsTruth;
  IsTruthExpr(SourceRange r, bool n, bool v, ExprPtr c) : ParsedExpr(kKind, r), negated(n), value(v), child(std::move(c)) {}
  bool negated;
  bool value;
  ExprPtr child;
};

struct InListExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::InList;
  InListExpr(SourceRange r, bool n) : ParsedExpr(kKind, r), negated(n) {}
  bool negated;
  ExprPtr child;
  std::vector<ExprPtr> list;
};

// A value against the rows of a subquery: `child IN (query)`, `child op ANY (query)`.
struct SubqueryPredicate : ParsedExpr {
  SubqueryPredicate(ExprKind k, SourceRange r);
  ~SubqueryPredicate() override;
  ExprPtr child;
  QueryPtr query;
};

struct InSubqueryExpr : SubqueryPredicate {
  static constexpr ExprKind kKind = ExprKind::InSubquery;
  InSubqueryExpr(SourceRange r, bool n) : SubqueryPredicate(kKind, r), negated(n) {}
  bool negated;
};

enum class Quantifier { Any, All };

struct QuantifiedExpr : SubqueryPredicate {
  static constexpr ExprKind kKind = ExprKind::Quantified;
  QuantifiedExpr(SourceRange r, BinaryOp o, Quantifier q) : SubqueryPredicate(kKind, r), op(o), quantifier(q) {}
  BinaryOp op;
  Quantifier quantifier;
};

struct BetweenExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Between;
  BetweenExpr(SourceRange r, bool n) : ParsedExpr(kKind, r), negated(n) {}
  bool negated;
  ExprPtr child, low, high;
};

struct LikeExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Like;
  LikeExpr(SourceRange r, bool n) : ParsedExpr(kKind, r), negated(n) {}
  bool negated;
  ExprPtr child, pattern, escape;  // escape may be null
};

struct CaseExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Case;
  explicit CaseExpr(SourceRange r) : ParsedExpr(kKind, r) {}
  ExprPtr operand;  // CASE x WHEN ..; null for searched CASE
  std::vector<std::pair<ExprPtr, ExprPtr>> whens;
  ExprPtr otherwise;  // may be null
};

struct TypeName {
  std::string name;  // as written, e.g. "decimal", "double precision"
  std::vector<int64_t> params;
  SourceRange range;
};

struct CastExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Cast;
  CastExpr(SourceRange r, bool t) : ParsedExpr(kKind, r), try_cast(t) {}
  bool try_cast;
  ExprPtr child;
  TypeName type;
};

// OVER (...) of an analytic function.
struct WindowSpec {
  int64_t buffer_rows = 0;
  std::vector<ExprPtr> partition_by;
  std::vector<OrderItem> order_by;
  bool has_frame = false;
  // A frame that ends at the current row: how many rows before it
  // (ROWS n PRECEDING), -1 from the partition's first (UNBOUNDED PRECEDING).
  int64_t frame_preceding = -1;
  std::string frame_unsupported;  // what the frame asks that streamc does not do, if anything
  SourceRange frame_range;
  int64_t expire_ms = 0;          // EXPIRE AFTER: an idle partition is dropped after this long; 0: never
  SourceRange expire_range;
  bool emit_on_buffer_full = false;  // EMIT ON BUFFER FULL (else EMIT EVERY RECORD)
  SourceRange range;
};

struct FunctionExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Function;
  FunctionExpr(SourceRange r, std::string n) : ParsedExpr(kKind, r), name(std::move(n)) {}
  std::string name;  // lower case
  SourceRange name_range;
  std::vector<ExprPtr> args;
  bool distinct = false;
  bool star = false;                  // COUNT(*)
  std::unique_ptr<WindowSpec> over;   // analytic function
  ExprPtr filter;                     // an aggregate's FILTER (WHERE ...); null when none
};

struct ExistsExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Exists;
  explicit ExistsExpr(SourceRange r);
  ~ExistsExpr() override;
  QueryPtr query;
};

struct SubqueryExpr : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::Subquery;
  explicit SubqueryExpr(SourceRange r);
  ~SubqueryExpr() override;
  QueryPtr query;
};

struct OrderItem {
  ExprPtr expr;
  bool descending = false;
  SourceRange range;
};

}  // namespace streamc::ast
