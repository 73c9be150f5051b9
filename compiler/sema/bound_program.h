// The bound form of a whole script: the catalog and one BoundQuery per query
// statement. The planner reads this; it never sees the parsed tree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sema/bound_expression.h"
#include "sema/catalog.h"

namespace streamc {

struct OutputColumn {
  std::string name;
  BoundPtr expr;
  bool key = false;
};

enum class Emit { Changes, Final };

struct BoundQuery {
  int source = -1;                 // the stream it reads (index into catalog)
  std::string alias;               // FROM trades t: "t"
  BoundPtr where;                  // null when there is no WHERE
  std::vector<OutputColumn> columns;
  std::optional<int64_t> limit;
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
