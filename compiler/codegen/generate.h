// Plan to C++: fills the program skeleton in templates/ with the code the
// emitters write, and formats it with Clang's libFormat when available.
#pragma once

#include <string>

#include "plan/plan.h"

namespace streamc {

struct GenerateOptions {
  std::string query_file;  // shown in the banner (the file name only)
  bool format = true;      // run libFormat (when streamc was built with it)
};

std::string generate_cpp(const Plan& plan, const GenerateOptions& options);

// Formats C++ with libFormat; returns the input unchanged when streamc was
// built without the Clang libraries.
std::string format_cpp(const std::string& code);
bool have_formatter();

}  // namespace streamc
