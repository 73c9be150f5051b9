// Diagnostics like clang's: `q.sql:3:14: error: message`, the source line and
// a caret under the range. Every diagnostic comes from diagnostic_kinds.def.
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_file.h"

namespace streamc {

enum class Severity { Error, Warning, Note };

enum class DiagId {
#define DIAG(id, number, severity, text) id,
#include "diag/diagnostic_kinds.def"
#undef DIAG
};

struct Diagnostic {
  DiagId id;
  Severity severity;
  SourceRange range;   // invalid range: no source position
  std::string message;
  std::string hint;    // appended as "; hint" (e.g. "did you mean 'user_id'?")
};

class Diagnostics {
 public:
  explicit Diagnostics(const SourceFile* file = nullptr) : file_(file) {}

  // Reports a diagnostic from the catalog, formatting `args` into its text.
  Diagnostic& report(DiagId id, SourceRange range,
                     std::initializer_list<std::string_view> args = {});

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return diags_; }
  const SourceFile* file() const { return file_; }

  // Renders every diagnostic, clang style, followed by an error count line.
  void render(std::ostream& out) const;
  std::string render() const;

 private:
  const SourceFile* file_;
  std::vector<Diagnostic> diags_;
  int errors_ = 0;
};

// "did you mean 'x'?" when one of `candidates` is within a small edit distance.
std::string suggest(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace streamc
