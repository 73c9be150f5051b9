// Parsed statements: DDL, INSERT INTO and queries, as written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/parsed_expression.h"

namespace streamc::ast {

struct Property {
  std::string key;    // unquoted, as written
  std::string value;  // unquoted
  SourceRange key_range, value_range;
};

struct ColumnDef {
  std::string name;
  TypeName type;
  bool not_null = false;
  bool primary_key = false;
  SourceRange range;
};

enum class SelectItemKind { Star, QualifiedStar, Expr };

struct SelectItem {
  SelectItemKind kind = SelectItemKind::Expr;
  std::string qualifier;  // for t.*
  ExprPtr expr;
  std::string alias;      // empty when none
  bool primary_key = false;
  SourceRange range;
};

enum class RelationKind { Named, Uri, WindowFunction, Subquery };

struct Relation {
  RelationKind kind = RelationKind::Named;
  std::string name;   // source name, or the window function (tumble/hop)
  std::string alias;  // empty when none
  std::string uri;    // file://...
  std::string window_table;  // TABLE(TUMBLE(TABLE x, DESCRIPTOR(ts), ...)): x
  std::string window_time;   // ... ts
  SourceRange window_time_range;
  std::vector<ExprPtr> window_args;  // ... the sizes
  QueryPtr subquery;
  SourceRange range;
};

enum class JoinType { Inner, Left, Right, Full, Cross, Comma };

struct Duration {
  int64_t ms = 0;
  SourceRange range;
};

struct Join {
  JoinType type = JoinType::Inner;
  Relation relation;
  ExprPtr on;  // null for CROSS / comma joins
  std::optional<Duration> within;
  SourceRange range;
};

enum class WindowKind { Tumbling, Hopping, Sliding, Session };

struct WindowClause {
  WindowKind kind = WindowKind::Tumbling;
  std::optional<Duration> size, advance, grace, retention;
  std::string time_column;
  SourceRange range;
};

enum class EmitMode { Default, Changes, Final };

struct Query {
  bool distinct = false;
  std::vector<SelectItem> items;
  std::optional<Relation> from;
  std::vector<Join> joins;
  ExprPtr where;
  std::vector<ExprPtr> group_by;
  ExprPtr having;
  std::optional<WindowClause> window;
  std::vector<OrderItem> order_by;
  std::optional<int64_t> limit;
  SourceRange limit_range;
  EmitMode emit = EmitMode::Default;
  SourceRange emit_range;
  std::vector<Property> with;
  SourceRange with_range;
  SourceRange range;
};

struct WatermarkDef {
  std::string column;
  ExprPtr expr;
  SourceRange range;
};

enum class StatementKind { CreateSource, InsertInto, Select };

struct Statement {
  explicit Statement(StatementKind k) : kind(k) {}
  virtual ~Statement() = default;
  const StatementKind kind;
  SourceRange range;
};

// CREATE STREAM / CREATE TABLE, declared (column list) or derived (AS SELECT).
struct CreateSource : Statement {
  CreateSource() : Statement(StatementKind::CreateSource) {}
  bool is_table = false;
  std::string name;
  SourceRange name_range;
  std::vector<ColumnDef> columns;
  std::vector<std::string> primary_key;  // from a PRIMARY KEY (...) element
  std::optional<WatermarkDef> watermark;
  std::vector<Property> with;
  SourceRange with_range;
  QueryPtr as_query;
};

struct InsertInto : Statement {
  InsertInto() : Statement(StatementKind::InsertInto) {}
  std::string target;
  SourceRange target_range;
  QueryPtr query;
};

struct SelectStatement : Statement {
  SelectStatement() : Statement(StatementKind::Select) {}
  QueryPtr query;
};

struct Script {
  std::vector<std::unique_ptr<Statement>> statements;
  std::string application_name;  // from a `-- SQL Application: name` comment
  std::string version;           // from a `-- Version: x` comment
};

}  // namespace streamc::ast
