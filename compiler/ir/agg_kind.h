// The aggregate functions streamc computes: COUNT, SUM, MIN, MAX, AVG. A
// scalar subquery's aggregate is one today; GROUP BY can use the same kinds.
#pragma once

#include <optional>
#include <string_view>

namespace streamc {

enum class AggKind { Count, Sum, Min, Max, Avg };

// The SQL name, for messages and plans: "COUNT".
inline const char* to_string(AggKind kind) {
  switch (kind) {
    case AggKind::Count: return "COUNT";
    case AggKind::Sum: return "SUM";
    case AggKind::Min: return "MIN";
    case AggKind::Max: return "MAX";
    case AggKind::Avg: return "AVG";
  }
  return "?";
}

// The kind a function name (lower case, as the parser keeps it) names, if any.
inline std::optional<AggKind> agg_kind_of(std::string_view name) {
  if (name == "count") return AggKind::Count;
  if (name == "sum") return AggKind::Sum;
  if (name == "min") return AggKind::Min;
  if (name == "max") return AggKind::Max;
  if (name == "avg") return AggKind::Avg;
  return std::nullopt;
}

}  // namespace streamc
