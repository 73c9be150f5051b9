// Checking a property's value against what its table says it takes.
#include "streamc/property.h"

#include <cctype>
#include <cstdint>

#include "streamc/config.h"

namespace streamc {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool positive_number(std::string_view v) {
  if (v.empty() || v.size() > 12) return false;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
  }
  return v.find_first_not_of('0') != std::string_view::npos;
}

}  // namespace

std::string check_property(const PropertyDef& def, std::string_view value) {
  switch (def.check) {
    case PropertyCheck::Text: return "";
    case PropertyCheck::Bool:
      return iequals(value, "true") || iequals(value, "false") ? "" : "must be 'true' or 'false'";
    case PropertyCheck::Duration: {
      int64_t ms = 0;
      return value.empty() || parse_duration_ms(value, ms) ? "" : "must be a duration such as 500ms, 30s or 2m";
    }
    case PropertyCheck::OnError:
      return iequals(value, "fail") || iequals(value, "skip") || iequals(value, "dlq")
                 ? ""
                 : "must be 'fail', 'skip' or 'dlq'";
    case PropertyCheck::Format:
      for (std::string_view f : {"json", "jsonl", "json_lines", "ndjson", "csv"}) {
        if (iequals(value, f)) return "";
      }
      return "must be 'csv' or 'json'";
    case PropertyCheck::Threads:
      return iequals(value, "auto") || positive_number(value) ? "" : "must be 'auto' or a positive number";
    case PropertyCheck::Bytes: return positive_number(value) ? "" : "must be a positive number of bytes";
    case PropertyCheck::OnlyDefault:
      return value == def.default_value ? "" : "is not supported yet with any value but '" +
                                                    std::string(def.default_value) + "'";
  }
  return "";
}

}  // namespace streamc
