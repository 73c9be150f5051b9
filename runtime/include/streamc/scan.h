// Small helpers for the scan loops of generated programs.
#pragma once

#include <simdjson.h>

#include <string_view>
#include <vector>

#include "streamc/input.h"
#include "streamc/json.h"
#include "streamc/scalar.h"

namespace streamc {

// The position of `name` in a CSV header (exact match first, then ignoring
// ASCII case); -1 when absent.
int find_column(const std::vector<CsvField>& header, std::string_view name);

// A JSON string holding a date ('2025-09-27'), as days since the epoch.
inline bool json_to_date(JsonValue& v, int32_t& days) {
  std::string_view text;
  return json_to_string(v, text) && parse_date(text, days);
}

}  // namespace streamc
