// The physical plan, the only input of code generation, held by value: the
// sources, scans and tables; per query a pipeline of operators (Scan, Limit,
// Filter, LookupJoin, Project, Sink); the state objects the program keeps,
// each with its trigger; the run-time properties. The planner decides every
// name, order, flag and default: filters pushed to the earliest point (a
// predicate on the stream alone runs before any lookup), unused columns
// pruned (a scan reads, and a table keeps, only what some query uses), every
// column reference bound to a field of a generated struct.
// docs/architecture.md draws the model.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <optional>
#include <utility>

#include "ir/expr.h"
#include "ir/kinds.h"
#include "ir/types.h"

namespace streamc {

struct BoundProgram;

// A column of a source's schema.
struct PlanColumn {
  std::string name;
  SqlType type;
  bool nullable = true;
  bool key = false;
};

// A source as the program reads it: indexed like the catalog it came from.
struct SourcePlan {
  std::string name;
  SourceKind kind = SourceKind::Stream;
  Connector connector = Connector::File;
  Format format = Format::Json;
  std::string path;                 // as written; relative to the query file
  bool schema_discovered = false;   // from the file at compile time
  bool made_by_query = false;       // CREATE TABLE AS: filled by a pipeline, no file of its own
  std::vector<PlanColumn> columns;
};

// Where a pipeline's records go.
struct SinkPlan {
  std::string name;               // empty for the stdout of a bare SELECT
  SinkKind kind = SinkKind::Stdout;
  Format format = Format::Json;
  std::string path;
  int table = -1;                 // SinkKind::Table: the table filled (index in Plan::sources)
  std::string member;             // out_big_trades_: the Program member writing it (not for a table)
  bool op_column = false;         // 'changelog' = 'op': each row led by +I, -U, +U or -D
};

// A column of a pipeline's output.
struct OutputPlan {
  std::string name;
  ExprPtr expr;
  bool key = false;               // PRIMARY KEY in the select list
};

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

// A stream whose every query is a GROUP BY ... EMIT FINAL over aggregates
// whose partial results merge: each thread aggregates its share of a bounded
// file into groups of its own (a lane), and the lanes merge into the
// Program's once the file has been read.
struct LanePlan {
  std::string type;    // MeasurementsLane: one thread's groups and the pipelines that fill them
  std::string member;  // measurements_lane_: the Program's lane, which the others merge into
};

// One pass over a source's file. Tables are loaded first (the load phase),
// then streams are read (the stream phase).
struct Scan : RowLayout {
  int source = -1;                // index in the catalog
  bool load_phase = false;        // runs before any stream record is read
  int table = -1;                 // a table's own file: rows go into Plan::tables[table]
  int reads_table = -1;           // no file: the rows of Plan::tables[reads_table] once loaded
  std::string function;           // scan_trades / load_users
  std::vector<int> pipelines;     // the pipelines fed, in script order
  // Some pipeline probes a table by the record's own columns: the scan probes
  // groups of records ahead of the pipelines (a JSON stream's scan only).
  bool probes_tables = false;
  bool writes_tables = false;     // some pipeline fills a table (CREATE TABLE AS)
  std::optional<LanePlan> lane;   // its pipelines aggregate per thread
};

// A table held in memory, keyed by its key columns.
struct Table : RowLayout {
  int source = -1;                // index in the catalog
  std::string member;             // users_: the Program member holding it
  std::vector<int> key;           // key columns (schema indices), in schema order
  int scan = -1;                  // the Scan loading it from its file, or
  int producer = -1;              // the pipeline filling it (CREATE TABLE AS)
  std::string version;            // users_version_: counts changes, for cached subqueries
  bool key_only = false;          // every column is key (an allow-list): every record inserts
};

// A stream-table join in a pipeline: probe `table` by the join's key.
struct Lookup {
  JoinKind kind = JoinKind::Inner;
  std::vector<ExprPtr> key;       // probe values, one per key column of the table, in key order
  ExprPtr residual;               // the rest of ON, checked after the probe; null when none
  std::string alias;              // the table's alias in the query
  int table;                      // index in Plan::tables
  std::string var;                // row_u: the C++ pointer to the row found
  // Its key is columns of the stream record alone: the scan probes it for a
  // whole batch of records at once (prefetching the table's memory) and
  // passes the rows found to the pipeline.
  bool batched = false;
};

// One step of a pipeline. A pipeline runs its operators in order on each
// record; what an operator works on is in the pipeline (filters[index],
// lookups[index], columns, sink).
enum class OpKind {
  Scan,     // the record arrives (Plan::scans[scan])
  Limit,    // a LIMIT already reached skips the record before any work
  Filter,   // one WHERE conjunct: filters[index]
  Lookup,   // probe a table: lookups[index]
  Project,  // compute the select list
  Sink,     // write the row (to a file, stdout, or upsert into a table)
  Aggregate,  // add the record to its group (Pipeline::grouping)
  Emit,       // what follows reads a group: per record that changed it, or once per group at the end
  Having,     // the group qualifies (grouping->having)
  Analytic,   // the row analytics (LAG) of the record, from its partition's recent rows
  Hold,       // LEAD: the record is held until its LEADs are known (what follows runs then)
  WindowAssign,  // the record's event time; a record whose windows have all closed is late
  Watermark,     // the record's event time moves the watermark: windows it passes close
};

struct Operator {
  OpKind kind;
  int index = -1;                 // Filter, Lookup: which one
};

const char* to_string(OpKind kind);

// GROUP BY ... WINDOW: the groups are per time window (times in milliseconds).
struct WindowPlan {
  WindowKind kind = WindowKind::Tumbling;
  int64_t size = 0;
  int64_t advance = 0;              // = size when tumbling
  int64_t gap = 0;                  // sessions: a session ends this long after its last record
  int64_t grace = 0;                // a window closes when the watermark reaches its end plus this
  int64_t delay = 0;                // the watermark: the largest event time seen minus this
  ExprPtr time;                     // the event time over the record; null: processing time
  std::string time_origin;          // where the event time came from (explain)
  LateData late = LateData::Drop;
  std::string text;                 // TUMBLING(1m), as explain and comments show it
  std::string row_function;         // emit_window_0: writes one group of a window
  std::string retract_function;     // sessions with EMIT CHANGES: retract_window_0 deletes a session's row
};

// GROUP BY: what a pipeline keeps per group and when it writes.
struct Grouping {
  std::vector<ExprPtr> keys;        // over the record and the rows looked up
  std::vector<ExprPtr> aggregates;  // Aggregate nodes, their argument over the record
  ExprPtr having;                   // reads the groups (GroupKey, AggregateRef); null when none
  Emit emit = Emit::Changes;        // Changes: a row per record that changes a group; Final: each group once, at the end
  std::string group_type;           // Groups0: a group's accumulators
  std::string key_type;             // Groups0Key: (is NULL, value) per key
  std::string member;               // groups_0_: the groups by key
  std::string emit_function;        // emit_groups_0 (close_windows_0): Final, once every stream has ended
  std::optional<WindowPlan> window;  // the groups are per time window
  // Per aggregate, for COUNT(DISTINCT x): the set of (group key, x) seen and
  // its key type (distinct_0_1_, Groups0Distinct1); empty for the others.
  std::vector<std::pair<std::string, std::string>> distinct_sets;
};

// A row analytic: LAG(x, k) OVER (PARTITION BY ...) keeps each partition's
// last k values of x; the others (an Over node) their count, rank, first
// or n-th value, or aggregate over the frame.
struct Analytic {
  ExprPtr node;                     // the Lag or Over node (ir/expr.h gives their args)
  std::string key_type;             // Lag0_0Key: (is NULL, value) per partition key
  std::string member;               // lag_0_0_: the partitions' state; empty when it needs none (LAST_VALUE)
  int partition_from = 0;           // node->args from this index on are the partition keys
  int partition_count = 0;          // how many (the event time of EXPIRE AFTER follows them)
};

// A LEAD of a pipeline that holds its records (Holding).
struct HeldLead {
  int analytic = -1;              // index in Pipeline::analytics of the Lead node (what AnalyticRef reads)
  int offset = 1;                 // k: LEAD reads the k-th held record after this one
  int value = -1;                 // Holding::values index of x, held with every record
  ExprPtr fallback;               // when there is no such record: NULL or LEAD's default, over HeldRef
};

// PERCENT_RANK, CUME_DIST or NTILE of a pipeline that holds its records: of
// the whole partition, computed once the input has ended.
struct HeldWhole {
  int analytic = -1;              // index in Pipeline::analytics of the Over node (what AnalyticRef reads)
  int rank = -1;                  // PERCENT_RANK, CUME_DIST: Holding::values index of the record's RANK
};

// LEAD(x, k) OVER (PARTITION BY ...): a record is held in its partition
// until the k-th later record of the partition has arrived (or the input
// ends); then the rest of the pipeline (Project, Sink) runs for it. What is
// held is what the select list reads besides the LEADs: its largest parts
// that do not read a LEAD, computed when the record arrived; the pipeline's
// columns read them by HeldRef. With PERCENT_RANK, CUME_DIST or NTILE
// (`whole`) every record is held until the input ends: they need the
// partition's size.
struct Holding {
  std::vector<ExprPtr> values;    // computed on arrival, held; HeldRef(i) reads values[i]
  std::vector<HeldLead> leads;
  std::vector<HeldWhole> wholes;
  bool whole = false;             // every record is held until the input ends
  int partitioned_as = -1;        // index in Pipeline::analytics of one of them: the partition keys are its
  int ahead = 1;                  // the furthest a LEAD looks ahead: a partition holds up to this many records
  std::string entry_type;         // Held0: a held record's values
  std::string key_type;           // Held0Key: (is NULL, value) per partition key
  std::string member;             // held_0_: the held records by partition
  std::string write_function;     // write_held_0: writes a held record once its LEADs are known
  std::string flush_function;     // flush_held_0: at end of input, the records still held
};

struct Pipeline {
  int index = -1;                 // in Plan::pipelines
  int source = -1;                // the stream (or table) read: index in Plan::sources
  int scan;                       // index in Plan::scans
  std::string name;               // the sink's name, or stdout
  std::string function;           // on_trades_0: the fused per-record function
  std::vector<Lookup> lookups;    // one per join, in query order
  bool batched() const;           // some lookup is probed by the scan
  // RIGHT / FULL JOIN of two tables: the right table's rows nothing matched
  // come out of a second function, after the left table's rows; the first
  // lookup notes the keys it matched in `matched_keys`.
  bool unmatched_pass = false;
  std::string unmatched_function;  // on_users_0_unmatched
  std::string matched_keys;        // on_users_0_matched_
  std::vector<Operator> operators;
  // The WHERE conjuncts. Pushed down: each Filter runs as soon as what it
  // reads is known (before any lookup when it reads the record alone).
  std::vector<ExprPtr> filters;
  std::vector<OutputPlan> columns;
  std::optional<int64_t> limit;
  std::string limit_counter;      // emitted_0_: the records written so far, with a LIMIT
  SinkPlan sink;
  std::optional<Grouping> grouping;  // GROUP BY; the columns read the groups
  std::vector<Analytic> analytics;   // LAG ... OVER; the columns read them by AnalyticRef
  std::optional<Holding> holding;    // LEAD: records are held until their LEADs are known
};

// A subquery of a pipeline against a table: a keyed lookup per record, or
// (uncorrelated) a result cached until the table changes.
struct SubqueryPlan {
  const Expr* node;               // the Exists / InSubquery / ScalarSubquery / Quantified node, in the pipeline
  int pipeline;
  int table;                      // index in Plan::tables
  std::string name;               // sub0_1: names its cache and refresh function
};

// When a state object changes or acts.
enum class Trigger {
  PerRecord,    // each record of the pipeline updates it
  TableChange,  // a change of its table (the load, a watched file's new rows) rebuilds it
  EndOfInput,   // it acts once every stream has ended
  OnWatermark,  // it acts when the watermark passes (and once every stream has ended)
};

enum class StateKind {
  LookupTable,    // a table held in memory, keyed: Plan::tables[table]
  SubqueryCache,  // an uncorrelated subquery's result over a table
  SubqueryIndex,  // a table's rows indexed by the columns a subquery correlates on
  MatchedKeys,    // RIGHT / FULL JOIN: the keys of the right table a row matched
  LimitCounter,   // the records a pipeline with a LIMIT has written
  GroupState,     // a pipeline's groups: their keys and accumulators
  RowBuffer,      // a row analytic's recent values per partition
  WindowState,    // a pipeline's open windows: the groups of each
  DistinctValues, // COUNT(DISTINCT x): the values of x each group has seen
  HeldRecords,    // LEAD: the records of each partition waiting for later ones
};

// What the program keeps between records.
struct StateObject {
  StateKind kind;
  std::string member;             // the Program member holding it
  Trigger trigger;
  int pipeline = -1;              // the pipeline it serves (-1: a table, shared)
  int table = -1;                 // the table it is built from: index in Plan::tables
  std::string note;               // for explain: what it holds
  int subquery = -1;              // a subquery's cache or index: index in Plan::subqueries
  std::string lane;               // a lane's groups: the Program member of the lane (LanePlan::member)
};

const char* to_string(Trigger trigger);
const char* to_string(StateKind kind);

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
  std::string name;               // from `-- SQL Application:`, else the file's stem
  std::string version;            // from `-- Version:`
  std::string description;        // a line for --help: what the program reads
  std::vector<SourcePlan> sources;  // every source of the script, as the catalog numbers them
  // The program's own properties that apply (stats, threads, chunk.bytes),
  // then each source's and sink's, in the order the program reads them.
  std::vector<std::string> program_properties;
  std::vector<PropertySet> property_sets;
  std::vector<SubqueryPlan> subqueries;
  std::vector<Scan> scans;        // load-phase scans first
  std::vector<Table> tables;
  std::vector<Pipeline> pipelines;
  std::vector<StateObject> states;
  int table_of(int source) const;  // Plan::tables index of a catalog source, -1 if none
  const LanePlan* lane_of(const Pipeline& p) const;  // the lane its groups live in, or nullptr
  const SubqueryPlan* subquery_of(const Expr* node) const;
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
