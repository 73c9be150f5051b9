// Checking a property's value against what its table says it takes.
#include "streamc/property.h"

#include <cstdint>
#include <initializer_list>

#include "streamc/config.h"
#include "streamc/errors.h"
#include "streamc/text.h"

namespace streamc {
namespace {

bool positive_number(std::string_view v) {
  if (v.empty() || v.size() > 12) return false;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
  }
  return v.find_first_not_of('0') != std::string_view::npos;
}

// Empty when `value` is one of `names` (any case), else what it must be.
std::string one_of(std::string_view value, std::initializer_list<std::string_view> names) {
  std::string all;
  size_t i = 0;
  for (std::string_view name : names) {
    if (ascii_iequals(value, name)) return "";
    all += i == 0 ? "" : i + 1 == names.size() ? " or " : ", ";
    all += "'" + std::string(name) + "'";
    ++i;
  }
  return "must be " + all;
}

}  // namespace

std::string check_property(const PropertyDef& def, std::string_view value) {
  switch (def.check) {
    case PropertyCheck::Text: return "";
    case PropertyCheck::Bool:
      return ascii_iequals(value, "true") || ascii_iequals(value, "false") ? ""
                                                                            : "must be 'true' or 'false'";
    case PropertyCheck::Duration: {
      int64_t ms = 0;
      return value.empty() || parse_duration_ms(value, ms) ? "" : "must be a duration such as 500ms, 30s or 2m";
    }
    case PropertyCheck::OnError: {
      OnError policy;
      return parse_on_error(value, policy) ? "" : "must be 'fail', 'skip' or 'dlq'";
    }
    case PropertyCheck::Format:
      for (std::string_view f : {"json", "jsonl", "json_lines", "ndjson", "csv"}) {
        if (ascii_iequals(value, f)) return "";
      }
      return "must be 'csv' or 'json'";
    case PropertyCheck::Threads:
      return ascii_iequals(value, "auto") || positive_number(value) ? "" : "must be 'auto' or a positive number";
    case PropertyCheck::Bytes: return positive_number(value) ? "" : "must be a positive number of bytes";
    case PropertyCheck::Delimiter:
      return parse_delimiter(value) ? "" : "must be one character such as ',', ';' or '|' (or '\\t' for a tab)";
    case PropertyCheck::EventTimeFormat:  // or a strftime pattern such as %Y-%m-%d %H:%M:%S
      if (value.find('%') != std::string_view::npos) return "";
      if (std::string why = one_of(value, {"iso8601", "epoch_millis", "epoch_seconds"}); !why.empty()) {
        return why + ", or a pattern such as '%Y-%m-%d %H:%M:%S'";
      }
      return "";
    case PropertyCheck::WatermarkStrategy: return one_of(value, {"ascending", "bounded_out_of_orderness"});
    case PropertyCheck::LateData: return one_of(value, {"drop", "dead_letter"});
    case PropertyCheck::Changelog: return one_of(value, {"op"});
    case PropertyCheck::OnlyDefault:
      return value == def.default_value ? "" : "is not supported yet with any value but '" +
                                                    std::string(def.default_value) + "'";
  }
  return "";
}

char parse_delimiter(std::string_view value) {
  if (value == "\\t" || ascii_iequals(value, "tab")) return '\t';
  if (value.size() != 1) return 0;
  const char c = value[0];
  return c == '"' || c == '\n' || c == '\r' ? 0 : c;
}

}  // namespace streamc
