// The caches of subqueries not correlated on the table's key: Program
// members, and the functions that compute them again when their table has
// changed (emit_subquery_cache.cpp). The per-record side is ExprEmitter's
// (emit_subquery.cpp).
#pragma once

#include <string>
#include <vector>

#include "codegen/code_writer.h"
#include "plan/plan.h"

namespace streamc {

void emit_subquery_members(CodeWriter& w, const Plan& plan, const SubqueryPlan& subquery);
void emit_subquery_refresh(CodeWriter& w, const Plan& plan);

// Shared by both sides: the C++ type of an indexed subquery's index key and
// the key made of values; the member holding a scalar subquery's aggregate.
std::string index_key_type(const Subquery& sub, const SourcePlan& src);
std::string index_key(const Subquery& sub, const SourcePlan& src, const std::vector<std::string>& parts);
std::string subquery_accumulator(const SubqueryPlan& sp);

}  // namespace streamc
