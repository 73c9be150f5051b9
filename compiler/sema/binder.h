// Resolves names and types: AST in, BoundProgram out, diagnostics on the way.
#pragma once

#include <optional>
#include <string>

#include "ast/statements.h"
#include "diag/diagnostics.h"
#include "sema/bound_program.h"

namespace streamc {

struct BindOptions {
  std::string query_dir;    // relative paths in WITH resolve against it
  std::string program_name; // default name: the query file's stem
};

std::optional<BoundProgram> bind_script(const ast::Script& script, const BindOptions& options,
                                        Diagnostics& diags);

}  // namespace streamc
