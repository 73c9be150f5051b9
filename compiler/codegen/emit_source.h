// Per source: the row struct holding only the columns the query reads, the
// parser specialized to the source's format (CSV by column position, JSON by
// field name), and the scan loop that feeds every pipeline reading it.
#pragma once

#include "codegen/code_writer.h"
#include "plan/plan.h"

namespace streamc {

void emit_row_struct(CodeWriter& w, const Plan& plan, const Scan& scan);
void emit_parse_function(CodeWriter& w, const Plan& plan, const Scan& scan);
void emit_scan_function(CodeWriter& w, const Plan& plan, const Scan& scan);

// The name of a source's run-time property, as `--set` spells it.
std::string property_name(const SourceDef& source, const std::string& property);

}  // namespace streamc
