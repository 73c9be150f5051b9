// Out-of-line members of the expression nodes that own a Query: Query is
// complete only here, after statements.h.
#include "ast/parsed_expression.h"

#include "ast/statements.h"

namespace streamc::ast {

InSubqueryExpr::InSubqueryExpr(SourceRange r, bool n) : ParsedExpr(kKind, r), negated(n) {}
InSubqueryExpr::~InSubqueryExpr() = default;
QuantifiedExpr::QuantifiedExpr(SourceRange r, BinaryOp o, Quantifier q)
    : ParsedExpr(kKind, r), op(o), quantifier(q) {}
QuantifiedExpr::~QuantifiedExpr() = default;
ExistsExpr::ExistsExpr(SourceRange r) : ParsedExpr(kKind, r) {}
ExistsExpr::~ExistsExpr() = default;
SubqueryExpr::SubqueryExpr(SourceRange r) : ParsedExpr(kKind, r) {}
SubqueryExpr::~SubqueryExpr() = default;

}  // namespace streamc::ast
