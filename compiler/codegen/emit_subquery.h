// The caches of uncorrelated subqueries: Program members, and the functions
// that compute them again when their table has changed.
#pragma once

#include "codegen/code_writer.h"
#include "plan/plan.h"

namespace streamc {

void emit_subquery_members(CodeWriter& w, const Plan& plan);
void emit_subquery_refresh(CodeWriter& w, const Plan& plan);

}  // namespace streamc
