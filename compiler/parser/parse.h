// Source text to AST: runs the ANTLR lexer and parser, turns syntax errors
// into diagnostics, and hands the tree to the transformer.
#pragma once

#include <optional>

#include "ast/statements.h"
#include "diag/diagnostics.h"

namespace streamc {

// Returns nothing when the text has a syntax error (reported to `diags`).
std::optional<ast::Script> parse_script(const SourceFile& file, Diagnostics& diags);

}  // namespace streamc
