// Runs the compiler stages on one query file: read → parse → bind → plan →
// generate, stopping at the first stage that reports an error.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "ast/statements.h"
#include "diag/diagnostics.h"
#include "plan/plan.h"
#include "sema/bound_program.h"

namespace streamc {

struct Compilation {
  std::string path;
  std::string query_dir;  // absolute directory of the query file
  std::unique_ptr<SourceFile> file;
  std::unique_ptr<Diagnostics> diags;
  std::optional<ast::Script> script;
  std::unique_ptr<BoundProgram> program;
  std::optional<Plan> plan;

  bool ok() const { return plan.has_value() && !diags->has_errors(); }
};

// Never throws for user errors: they are in `diags`.
Compilation compile_query(const std::string& path);

}  // namespace streamc
