// Diagnostics rendered as clang renders them: file:line:col, the source line, a caret and a hint.
#include "diag/diagnostics.h"

#include <algorithm>
#include <ostream>
#include <sstream>

#include "streamc/config.h"
#include "util/strings.h"

namespace streamc {
namespace {

struct DiagInfo {
  Severity severity;
  std::string_view text;
};

constexpr DiagInfo kCatalog[] = {
#define DIAG(id, number, severity, text) {Severity::severity, text},
#include "diag/diagnostic_kinds.def"
#undef DIAG
};

std::string format_text(std::string_view text, std::initializer_list<std::string_view> args) {
  std::string out;
  auto arg = args.begin();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}') {
      if (arg != args.end()) out += *arg++;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// The source line with a `^~~~` marker under the range (first line only).
void render_snippet(std::ostream& out, const SourceFile& file, SourceRange range) {
  uint32_t line = file.line_of(range.begin);
  std::string_view text = file.line_text(line);
  uint32_t col = file.column_of(range.begin) - 1;
  uint32_t len = std::max<uint32_t>(1, std::min<uint32_t>(range.end - range.begin, text.size() - std::min<uint32_t>(col, text.size())));
  std::string gutter = std::to_string(line);
  out << ' ' << gutter << " | " << text << '\n';
  out << ' ' << std::string(gutter.size(), ' ') << " | ";
  for (uint32_t i = 0; i < col && i < text.size(); ++i) out << (text[i] == '\t' ? '\t' : ' ');
  out << '^' << std::string(len - 1, '~') << '\n';
}

}  // namespace

Diagnostic& Diagnostics::report(DiagId id, SourceRange range,
                                std::initializer_list<std::string_view> args) {
  const DiagInfo& info = kCatalog[static_cast<int>(id)];
  if (info.severity == Severity::Error) ++errors_;
  diags_.push_back({id, info.severity, range, format_text(info.text, args), {}});
  return diags_.back();
}

void Diagnostics::render(std::ostream& out) const {
  for (const Diagnostic& d : diags_) {
    if (file_) {
      out << file_->path();
      if (d.range.valid()) {
        out << ':' << file_->line_of(d.range.begin) << ':' << file_->column_of(d.range.begin);
      }
      out << ": ";
    }
    out << severity_name(d.severity) << ": " << d.message;
    if (!d.hint.empty()) out << "; " << d.hint;
    out << '\n';
    if (file_ && d.range.valid()) render_snippet(out, *file_, d.range);
  }
  if (errors_ > 0) out << errors_ << (errors_ == 1 ? " error" : " errors") << " generated.\n";
}

std::string Diagnostics::render() const {
  std::ostringstream out;
  render(out);
  return out.str();
}

std::string suggest(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, name.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = edit_distance(to_lower(name), to_lower(c));
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best.empty() ? std::string() : "did you mean '" + best + "'?";
}

}  // namespace streamc
