// The bound form of a whole script: the catalog and one BoundQuery per query
// statement. The planner reads this; it never sees the parsed tree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ir/expr.h"
#include "sema/catalog.h"

namespace streamc {

struct OutputColumn {
  std::string name;
  ExprPtr expr;
  bool key = false;
};

// A source as one query sees it: FROM trades t, JOIN users u. Column
// references (Expr::source) are positions in BoundQuery::relations.
struct BoundRelation {
  int source = -1;     // index in the catalog
  std::string alias;   // the alias, or the source's name
};

// A stream-table join: each record probes the table by its key.
struct BoundJoin {
  int relation = -1;                  // the table's position in BoundQuery::relations
  JoinKind kind = JoinKind::Inner;
  std::vector<ExprPtr> key;          // probe values, one per key column of the table, in key order
  ExprPtr residual;                  // the rest of ON, checked after the probe; null when none
  SourceRange range;
};

// A time window of a GROUP BY, all times in milliseconds.
struct BoundWindow {
  WindowKind kind = WindowKind::Tumbling;
  int64_t size = 0;        // tumbling and hopping
  int64_t advance = 0;     // hopping; = size when tumbling
  int64_t gap = 0;         // sessions
  int64_t grace = 0;       // how long after its end a window still takes records
  // The record's event time (TIMESTAMP or BIGINT milliseconds) over the
  // stream; null: processing time, the clock when the record is read.
  ExprPtr time;
  std::string time_origin;  // where the event time came from, for explain
  int64_t delay = 0;        // the watermark: the largest event time seen minus this
  LateData late = LateData::Drop;
  SourceRange range;
};

struct BoundQuery {
  std::vector<BoundRelation> relations;  // [0] is the stream read; then one per join; then one per subquery
  std::vector<BoundJoin> joins;
  int source = -1;                 // the stream it reads (index into catalog) = relations[0].source
  bool from_table = false;         // FROM a table: it reads the table as it is once loaded
  std::string alias;               // FROM trades t: "t"
  ExprPtr where;                  // null when there is no WHERE
  std::vector<OutputColumn> columns;
  std::optional<int64_t> limit;
  // GROUP BY (or an aggregate without it: one group): the keys over the
  // record, the aggregates (Aggregate nodes) the select list and HAVING read,
  // through GroupKey / AggregateRef nodes (Expr::column: the index).
  bool grouped = false;
  std::vector<ExprPtr> group_keys;
  std::vector<ExprPtr> aggregates;
  ExprPtr having;                  // over the groups; null when none
  // Row analytics (LAG) of the select list, which reads them by AnalyticRef.
  std::vector<ExprPtr> analytics;
  std::optional<BoundWindow> window;  // GROUP BY ... WINDOW: the groups are per window
  Emit emit = Emit::Changes;
  SinkDef sink;
  SourceRange range;
};

struct BoundProgram {
  Catalog catalog;
  std::vector<BoundQuery> queries;
  std::string name;     // from `-- SQL Application:`, else the file's stem
  std::string version;  // from `-- Version:`
};

}  // namespace streamc
