// Per source: the row struct holding only the columns the queries read
// (emit_row.cpp), the list of those columns the runtime parses a record by
// (CSV by column position, JSON by field name; emit_columns.cpp), and the
// Spec with which the runtime reads it: a table's loader (emit_table_load.cpp), a
// stream's scan (emit_stream_scan.cpp).
#pragma once

#include "codegen/code_writer.h"
#include "plan/plan.h"

namespace streamc {

void emit_row_struct(CodeWriter& w, const Plan& plan, const RowLayout& row, int source, bool table);
// The streamc::ColumnType (runtime/include/streamc/column_type.h) of a SQL
// type: `streamc::kBigInt`, `streamc::decimal(18, 2)`.
std::string runtime_type(const SqlType& t);
// The columns a scan reads, in its Spec (emit_columns.cpp).
void emit_columns(CodeWriter& w, const Plan& plan, const Scan& scan);

// A table read from its own file: the Spec of its loader, and the loader's
// type (a member of Program, so that a watched file is read again while the
// streams run).
void emit_table_spec(CodeWriter& w, const Plan& plan, const Scan& scan);
std::string loader_type(const Plan& plan, const Scan& scan);

// A JSON stream's records as parsed in chunks: `TradesLines`, with what the
// tables' probes found for each record (`TradesFound`, one typed row pointer
// per probed join) when its pipelines probe tables. Before Program.
void emit_found_struct(CodeWriter& w, const Plan& plan, const Scan& scan);
std::string found_type(const Scan& scan);
// The member of the found struct holding a join's row for a pipeline.
std::string found_field(int pipeline, const Lookup& lookup);
// After Program: a stream scan's Spec (with its probe function), or the
// function reading a table for a query FROM it.
void emit_scan_spec(CodeWriter& w, const Plan& plan, const Scan& scan);
// What main calls to run a scan.
std::string scan_call(const Plan& plan, const Scan& scan);

const SourcePlan& source_of(const Plan& plan, int index);
// The constant of a row struct that marks a field NULL: `TradesRow::kPriceNull`.
std::string mask_name(const RowLayout& row, const ScanField& f);
// Every column of `r` starts NULL; parsing a value clears its bit.
void emit_null_reset(CodeWriter& w, const RowLayout& row);

// The name of a source's run-time property, as `--set` spells it.
std::string property_name(const SourcePlan& source, const std::string& property);

// The C++ key type of a table, and the key of a row held in `row` (`r.` or `row->`).
std::string key_type(const Plan& plan, const Table& table);
std::string key_of_row(const Plan& plan, const Table& table, const std::string& access);

}  // namespace streamc
