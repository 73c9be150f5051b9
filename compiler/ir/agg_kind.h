// The aggregate functions streamc computes: COUNT, SUM, MIN, MAX, AVG and
// the standard deviations and variances, for GROUP BY and scalar subqueries.
#pragma once

#include <optional>
#include <string_view>

namespace streamc {

enum class AggKind {
  Count, Sum, Min, Max, Avg, StddevSamp, StddevPop, VarSamp, VarPop, First, Last, CountDistinct, StringAgg
};

// The spread aggregates: a DOUBLE over numbers (streamc::Spread).
inline bool is_spread(AggKind kind) { return kind >= AggKind::StddevSamp && kind <= AggKind::VarPop; }
// FIRST and LAST: the first and last non-NULL value in arrival order.
inline bool is_positional(AggKind kind) { return kind == AggKind::First || kind == AggKind::Last; }

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
    case AggKind::First: return "FIRST";
    case AggKind::Last: return "LAST";
    case AggKind::CountDistinct: return "COUNT(DISTINCT)";
    case AggKind::StringAgg: return "STRING_AGG";
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
  // Velostream's FIRST / LAST; Flink's FIRST_VALUE / LAST_VALUE without OVER.
  if (name == "first" || name == "first_value") return AggKind::First;
  if (name == "last" || name == "last_value") return AggKind::Last;
  if (name == "string_agg" || name == "listagg") return AggKind::StringAgg;
  return std::nullopt;
}

// The row analytics of an Over node besides LAG (a Lag node of its own).
enum class AnalyticKind {
  RowNumber,   // 1, 2, 3, ... in the partition
  Rank,        // the row number of the first of its peers (equal ORDER BY values)
  DenseRank,   // 1 + the number of distinct ORDER BY values before it
  FirstValue,  // x of the frame's first row
  LastValue,   // x of the frame's last row: the current one
  NthValue,    // x of the frame's n-th row (Expr::column: n)
  Running,     // an aggregate (Expr::agg) over the frame
  // Of the whole partition, known once the input has ended:
  PercentRank,  // (RANK - 1) / (rows - 1)
  CumeDist,     // the rows up to its last peer / rows
  Ntile,        // its bucket of Expr::column equal ones, in row order
};

inline const char* to_string(AnalyticKind kind) {
  switch (kind) {
    case AnalyticKind::RowNumber: return "ROW_NUMBER";
    case AnalyticKind::Rank: return "RANK";
    case AnalyticKind::DenseRank: return "DENSE_RANK";
    case AnalyticKind::FirstValue: return "FIRST_VALUE";
    case AnalyticKind::LastValue: return "LAST_VALUE";
    case AnalyticKind::NthValue: return "NTH_VALUE";
    case AnalyticKind::Running: return "a running aggregate";
    case AnalyticKind::PercentRank: return "PERCENT_RANK";
    case AnalyticKind::CumeDist: return "CUME_DIST";
    case AnalyticKind::Ntile: return "NTILE";
  }
  return "?";
}

}  // namespace streamc
