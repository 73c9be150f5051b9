// The binder of a whole script (internal to sema/): statements and the
// catalog in binder.cpp, one query in bind_query.cpp, joins in bind_join.cpp.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sema/binder.h"
#include "sema/expression_binder.h"
#include "sema/properties.h"

namespace streamc {

class ScriptBinder {
 public:
  ScriptBinder(const BindOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  std::optional<BoundProgram> bind(const ast::Script& script);

 private:
  // binder.cpp: statements, sources, sinks and tables
  bool name_taken(const std::string& name, SourceRange range);
  bool bind_columns(const std::vector<ast::ColumnDef>& defs, const std::vector<std::string>& key,
                    std::vector<Column>& out);
  void declare_source(const ast::CreateSource& cs);
  void register_named(const ast::Query& q, const std::string& target, SinkDef& sink, Properties& general);
  bool prepare_source(SourceDef& src, SourceRange use);
  bool apply_key_property(SourceDef& src);
  void bind_create_as(const ast::CreateSource& cs);
  void bind_create_table_as(const ast::CreateSource& cs);
  void bind_insert(const ast::InsertInto& ins);
  std::string resolve(const std::string& path) const;

  // bind_query.cpp: one query
  void reject_unsupported(const ast::Query& q);
  std::optional<int> resolve_relation(const ast::Relation& rel, Properties* uri_properties);
  // `general`: the query's WITH properties without a '<name>.' prefix; a
  // caller that takes some (CREATE TABLE AS takes 'key') passes it, and
  // bind_query reports only the ones nobody took.
  BoundQuery* bind_query(const ast::Query& q, const std::string& target, SinkDef sink, SourceRange range,
                         Properties* general = nullptr);
  void bind_items(const ast::Query& q, ExpressionBinder& binder, BoundQuery& bq);
  // bind_window.cpp: the window, its event time and watermark; WATERMARK FOR
  void bind_window(const ast::Query& q, ExpressionBinder& binder, BoundQuery& bq, const Properties& time_properties);
  std::optional<SourceWatermark> bind_watermark(const ast::WatermarkDef& def, const SourceDef& src);
  static bool is_window_key(const ast::ParsedExpr& e);       // TUMBLE(ts, ...) in GROUP BY
  static bool is_time_property(const std::string& key);       // 'event.time.field', ...
  // bind_group.cpp
  void bind_grouping(const ast::Query& q, ExpressionBinder& binder, BoundQuery& bq);
  // bind_analytic.cpp: the select list's LAGs to BoundQuery::analytics.
  void bind_analytics(BoundQuery& bq);
  void conform_to_declared(const SinkDef& sink, BoundQuery& bq);

  // bind_join.cpp: ON clauses
  bool bind_join(const ast::Join& join, int relation, BoundQuery& bq);

  const BindOptions& options_;
  Diagnostics& diags_;
  BoundProgram program_;
  std::set<std::string> derived_;   // lower-case names of CREATE STREAM ... AS
  std::set<std::string> prepared_;  // sources whose properties were checked
  int uri_sources_ = 0;             // anonymous sources named by FROM file://...
  std::vector<Column> uri_columns_;  // CREATE TABLE t (columns) AS SELECT ... FROM file://: its schema
};

}  // namespace streamc
