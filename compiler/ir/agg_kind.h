// The aggregate functions streamc computes: COUNT, SUM, MIN, MAX, AVG and
// the standard deviations and variances, for GROUP BY and scalar subqueries.
#pragma once

#include <optional>
#include <string_view>

namespace streamc {

enum class AggKind { Count, Sum, Min, Max, Avg, StddevSamp, StddevPop, VarSamp, VarPop };

// The spread aggregates: a DOUBLE over numbers (streamc::Spread).
inline bool is_spread(AggKind kind) { return kind >= AggKind::StddevSamp; }

// The SQL name, for messages and plans: "COUNT".
inline const char* to_string(AggKind kind) {
  switch (kind) {
    case AggKind::Count: return "COUNT";
    case AggKind::Sum: return "SUM";
    case AggKind::Min: return "MIN";
    case AggKind::Max: return "MAX";
    case AggKind::Avg: return "AVG";
    case AggKind::StddevSamp: return "STDDEV_SAMP";
    case AggKind::StddevPop: return "STDDEV_POP";
    case AggKind::VarSamp: return "VAR_SAMP";
    case AggKind::VarPop: return "VAR_POP";
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
  // STDDEV and VARIANCE are the sample forms, as in DuckDB, Flink and PostgreSQL.
  if (name == "stddev" || name == "stddev_samp") return AggKind::StddevSamp;
  if (name == "stddev_pop") return AggKind::StddevPop;
  if (name == "variance" || name == "var_samp") return AggKind::VarSamp;
  if (name == "var_pop") return AggKind::VarPop;
  return std::nullopt;
}

}  // namespace streamc
