// Per source: the row struct holding only the columns the queries read, the
// parser specialized to the source's format (CSV by column position, JSON by
// field name), and the loop that reads the file: a stream's feeds its
// pipelines; a table's upserts into the table.
#pragma once

#include "codegen/code_writer.h"
#include "plan/plan.h"

namespace streamc {

void emit_row_struct(CodeWriter& w, const Plan& plan, const RowLayout& row, int source, bool table);
// The parser of one record of a scan (emit_parse.cpp).
void emit_parse_function(CodeWriter& w, const Plan& plan, const Scan& scan);
void emit_scan_function(CodeWriter& w, const Plan& plan, const Scan& scan);

// A table's file is read by a loader class (declared before Program, defined
// after it), so that a watched file can be read again while streams run.
std::string loader_type(const Plan& plan, const Scan& scan);
void emit_loader_class(CodeWriter& w, const Plan& plan, const Scan& scan);
void emit_loader_methods(CodeWriter& w, const Plan& plan, const Scan& scan);
void emit_load_function(CodeWriter& w, const Plan& plan, const Scan& scan);

const SourceDef& source_of(const Plan& plan, int index);
// The constant of a row struct that marks a field NULL: `TradesRow::kPriceNull`.
std::string mask_name(const RowLayout& row, const ScanField& f);
// Every column of `r` starts NULL; parsing a value clears its bit.
void emit_null_reset(CodeWriter& w, const RowLayout& row);

// The name of a source's run-time property, as `--set` spells it.
std::string property_name(const SourceDef& source, const std::string& property);

// The C++ key type of a table, and the key of a row held in `row` (`r.` or `row->`).
std::string key_type(const Plan& plan, const Table& table);
std::string key_of_row(const Plan& plan, const Table& table, const std::string& access);

}  // namespace streamc
