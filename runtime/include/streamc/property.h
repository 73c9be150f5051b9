// A property of a source, sink or program as one table describes it: its
// name, default, what values it takes and a line of help. The compiler
// checks a WITH clause against it; a generated program registers it, checks
// --set values against it and prints its help.
#pragma once

#include <string>
#include <string_view>

namespace streamc {

// Where a property applies (bits of PropertyDef::roles).
enum Role : unsigned { kStream = 1, kTable = 2, kSink = 4, kProgram = 8 };

enum class PropertyCheck {
  Text,         // anything
  Bool,         // true or false
  Duration,     // empty, or "500ms", "30s", "2m", "1h", "1d"
  OnError,      // fail, skip or dlq
  Format,       // json (jsonl, json_lines, ndjson) or csv
  Threads,      // auto or a positive number
  Bytes,        // a positive number
  Delimiter,    // one character, not a quote or a line break; `\t` or `tab` for a tab
  OnlyDefault,  // parsed but only the default value is supported yet
  EventTimeFormat,    // iso8601, epoch_millis or epoch_seconds
  WatermarkStrategy,  // ascending or bounded_out_of_orderness
  LateData,           // drop or dead_letter
  Changelog,          // op
};

struct PropertyDef {
  std::string_view name;           // "on.error": after '<source>.' for a source or sink
  std::string_view default_value;
  PropertyCheck check = PropertyCheck::Text;
  unsigned roles = 0;              // Role bits
  bool run_time = false;           // registered with the program: --set may change it
  std::string_view help;
};

// Empty when `value` is fine for the property, else what it must be
// ("must be fail, skip or dlq"); the caller names the property.
std::string check_property(const PropertyDef& def, std::string_view value);

// The separator a Delimiter property's value names: ',', ';', '\t' (for `\t`
// or `tab`); 0 when it names none.
char parse_delimiter(std::string_view value);

}  // namespace streamc
