// The logical plan: per query, Scan → Filter → LookupJoin… → Filter → Project
// → Limit → Sink, with the rules of DESIGN §3 applied: filters pushed to the
// earliest point (a predicate on the stream alone runs before any lookup),
// unused columns pruned (a scan reads, and a table keeps, only what some query
// uses), and every column reference bound to a field of a generated struct.
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

// A generated row struct: the fields it holds and their NULL bits.
struct RowLayout {
  std::string row_type;           // TradesRow
  std::vector<ScanField> fields;  // in schema order

  const ScanField* field_of(int column) const;
  int slot_of(int column) const;  // position in `fields`, -1 if not held
};

// One pass over a source's file. Tables are loaded first (the load phase),
// then streams are read (the stream phase).
struct Scan : RowLayout {
  int source = -1;                // index in the catalog
  bool load_phase = false;        // runs before any stream record is read
  int table = -1;                 // a table's own file: rows go into Plan::tables[table]
  int reads_table = -1;           // no file: the rows of Plan::tables[reads_table] once loaded
  std::string parse_function;     // parse_trades
  std::string function;           // scan_trades / load_users
  std::vector<int> pipelines;     // the pipelines fed, in script order
};

// A table held in memory, keyed by its key columns.
struct Table : RowLayout {
  int source = -1;                // index in the catalog
  std::string member;             // users_: the Program member holding it
  std::vector<int> key;           // key columns (schema indices), in schema order
  int scan = -1;                  // the Scan loading it from its file, or
  int producer = -1;              // the pipeline filling it (CREATE TABLE AS)
  std::string version;            // users_version_: counts changes, for cached subqueries
};

// A stream-table join in a pipeline: probe `table` by the join's key.
struct Lookup {
  const BoundJoin* join;
  int table;                      // index in Plan::tables
  std::string var;                // row_u: the C++ pointer to the row found
  // Its key is columns of the stream record alone: the scan probes it for a
  // whole batch of records at once (prefetching the table's memory) and
  // passes the rows found to the pipeline.
  bool batched = false;
};

struct Pipeline {
  int index = -1;                 // in Plan::pipelines
  const BoundQuery* query;
  int scan;                       // index in Plan::scans
  std::string name;               // the sink's name, or stdout
  std::string function;           // on_trades_0: the fused per-record function
  std::vector<Lookup> lookups;    // one per join, in query order
  bool batched() const;           // some lookup is probed by the scan
  // RIGHT / FULL JOIN of two tables: the right table's rows nothing matched
  // come out of a second function, `function` + "_unmatched".
  bool unmatched_pass = false;
  // WHERE conjuncts by the point where all they read is known: [0] before any
  // lookup, [i] right after lookup i.
  std::vector<std::vector<const BoundExpr*>> filters;
};

// A subquery of a pipeline against a table: a keyed lookup per record, or
// (uncorrelated) a result cached until the table changes.
struct SubqueryPlan {
  const BoundExpr* node;          // the Exists / InSubquery / ScalarSubquery / Quantified node
  int pipeline;
  int table;                      // index in Plan::tables
  std::string name;               // sub0_1: names its cache and refresh function
};

// The run-time properties of one source or sink: the program registers every
// run-time property the connector's table (streamc/connector.h) has for the
// role, with the query's values in place of the defaults.
struct PropertySet {
  std::string connector;          // "file"
  unsigned role = 0;              // kStream, kTable or kSink
  std::string name;               // the source's or sink's name: '<name>.<property>'
  std::vector<std::pair<std::string, std::string>> given;  // in the table's order
};

struct Plan {
  const BoundProgram* program;
  // The program's own properties that apply (stats, threads, chunk.bytes),
  // then each source's and sink's, in the order the program reads them.
  std::vector<std::string> program_properties;
  std::vector<PropertySet> property_sets;
  std::vector<SubqueryPlan> subqueries;
  std::vector<Scan> scans;        // load-phase scans first
  std::vector<Table> tables;
  std::vector<Pipeline> pipelines;
  int table_of(int source) const;  // Plan::tables index of a catalog source, -1 if none
  const SubqueryPlan* subquery_of(const BoundExpr* node) const;
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
