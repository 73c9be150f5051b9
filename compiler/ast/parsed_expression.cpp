// Out-of-line members of the expression nodes that own a Query: Query is
// complete only here, after statements.h.
#include "ast/parsed_expression.h"

#include "ast/statements.h"

namespace streamc::ast {

SubqueryPredicate::SubqueryPredicate(ExprKind k, SourceRange r) : ParsedExpr(k, r) {}
SubqueryPredicate::~SubqueryPredicate() = default;
ExistsExpr::ExistsExpr(SourceRange r) : ParsedExpr(kKind, r) {}
ExistsExpr::~ExistsExpr() = default;
SubqueryExpr::SubqueryExpr(SourceRange r) : ParsedExpr(kKind, r) {}
SubqueryExpr::~SubqueryExpr() = default;

}  // namespace streamc::ast
