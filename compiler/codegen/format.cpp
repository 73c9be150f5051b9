// Formats generated C++ with Clang's libFormat (Google style, 100 columns).
#include "codegen/generate.h"

#ifdef STREAMC_HAVE_LIBFORMAT
#include <clang/Format/Format.h>
#include <clang/Tooling/Core/Replacement.h>
#endif

namespace streamc {

#ifdef STREAMC_HAVE_LIBFORMAT

bool have_formatter() { return true; }

std::string format_cpp(const std::string& code) {
  clang::format::FormatStyle style = clang::format::getGoogleStyle(clang::format::FormatStyle::LK_Cpp);
  style.ColumnLimit = 100;
  style.Standard = clang::format::FormatStyle::LS_Latest;
  clang::tooling::Range all(0, static_cast<unsigned>(code.size()));
  clang::tooling::Replacements replacements = clang::format::reformat(style, code, {all}, "generated.cpp");
  llvm::Expected<std::string> formatted = clang::tooling::applyAllReplacements(code, replacements);
  if (!formatted) {
    llvm::consumeError(formatted.takeError());
    return code;
  }
  return *formatted;
}

#else

bool have_formatter() { return false; }
std::string format_cpp(const std::string& code) { return code; }

#endif

}  // namespace streamc
