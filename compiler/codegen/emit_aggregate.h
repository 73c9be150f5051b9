// Aggregates in generated code, written once for every place that
// aggregates: the accumulator a kind keeps (streamc/accumulators.h), the
// statement that adds one row to it and the C++ of its result.
#pragma once

#include <string>

#include "codegen/code_writer.h"
#include "codegen/expression_emitter.h"
#include "ir/agg_kind.h"
#include "ir/types.h"

namespace streamc {

// streamc::Sum<int64_t>, streamc::Count, ...: an aggregate whose result has
// type `result`, over values of type `value`.
std::string accumulator_type(AggKind kind, const SqlType& result, const SqlType& value);

// One row's contribution to the accumulator `acc`.
struct AggregateInput {
  AggKind kind;
  const Value* value = nullptr;   // the row's value; null for COUNT(*)
  SqlType value_type;             // its SQL type (AVG converts decimals to double)
  SqlType result;                 // the aggregate's result type (SUM of DOUBLE adds nothing to check)
  std::string skip;               // leaves the row when the value is NULL: "continue;", "return;";
                                  // empty: only this aggregate passes over it
  std::string overflow;           // the statement that fails the record when a SUM overflows
  std::string arrival = "counters.read";  // FIRST / LAST: the record's place in the input
  // A VARCHAR value the accumulator keeps beyond the record (a group's MIN):
  // the table whose own() copies it; empty when the value outlives the accumulator.
  std::string owner;
  // COUNT(DISTINCT): the set of the group's values seen, and the (group key, value) to look up in it.
  std::string distinct_set;
  std::string distinct_key;
  std::string distinct_window;  // in a window: its end (the set is a streamc::WindowDistinct)
  std::string separator;  // STRING_AGG: between the values
};
void emit_accumulate(CodeWriter& w, const std::string& acc, const AggregateInput& in);

// The aggregate's value and NULL flag (COUNT is never NULL).
Value accumulator_result(AggKind kind, const std::string& acc);

}  // namespace streamc
