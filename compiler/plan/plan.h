// The logical plan: Scan → Filter → Project → Limit → Sink per query, with
// column pruning done (a scan reads only the columns some query uses) and
// every column reference bound to a field of the scan's row struct.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sema/bound_program.h"

namespace streamc {

struct ScanField {
  int column;          // index in the source's schema
  std::string field;   // the C++ member name in the row struct
};

struct Scan {
  int source;                     // index in the catalog
  std::string row_type;           // TradesRow
  std::string parse_function;     // parse_trades
  std::vector<ScanField> fields;  // used columns, in schema order
  std::vector<int> pipelines;     // the pipelines fed by this scan, in script order

  // The field for a schema column; nullptr if the column is not read.
  const ScanField* field_of(int column) const;
  int slot_of(int column) const;  // position in `fields`, -1 if not read
};

struct Pipeline {
  const BoundQuery* query;
  int scan;                       // index in Plan::scans
  std::string name;               // pipeline_0, or the sink's name
  std::string function;           // on_trades_0: the fused per-record function
};

struct Plan {
  const BoundProgram* program;
  std::vector<Scan> scans;
  std::vector<Pipeline> pipelines;
};

Plan make_plan(const BoundProgram& program);

// A readable description of the plan for `streamc explain`.
std::string explain(const Plan& plan);
// The same as a Graphviz graph (`streamc explain --dot | dot -Tpng`).
std::string explain_dot(const Plan& plan);

// A C++ identifier for a SQL name: letters, digits and '_'; reserved words
// and leading digits get a suffix/prefix.
std::string cpp_identifier(const std::string& name);
// UpperCamelCase from a SQL name: user_profiles → UserProfiles.
std::string camel_case(const std::string& name);

}  // namespace streamc
