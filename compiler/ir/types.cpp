// SQL types: names, the C++ type of each, and the rules of implicit conversion.
#include "ir/types.h"

#include <algorithm>
#include <vector>

namespace streamc {

bool SqlType::is_numeric() const {
  return id == TypeId::Int || id == TypeId::BigInt || id == TypeId::Double || id == TypeId::Decimal;
}

std::string SqlType::to_string() const {
  switch (id) {
    case TypeId::Null: return "NULL";
    case TypeId::Boolean: return "BOOLEAN";
    case TypeId::Int: return "INT";
    case TypeId::BigInt: return "BIGINT";
    case TypeId::Double: return "DOUBLE";
    case TypeId::Decimal: return "DECIMAL(" + std::to_string(precision) + "," + std::to_string(scale) + ")";
    case TypeId::Varchar: return "VARCHAR";
    case TypeId::Timestamp: return "TIMESTAMP";
    case TypeId::Date: return "DATE";
    case TypeId::Interval: return "INTERVAL";
  }
  return "?";
}

std::string SqlType::cpp_type() const {
  switch (id) {
    case TypeId::Null: return "bool";
    case TypeId::Boolean: return "bool";
    case TypeId::Int: return "int32_t";
    case TypeId::BigInt: return "int64_t";
    case TypeId::Double: return "double";
    case TypeId::Decimal: return precision > 18 ? "streamc::i128" : "int64_t";
    case TypeId::Varchar: return "std::string_view";
    case TypeId::Timestamp: return "int64_t";
    case TypeId::Date: return "int32_t";
    case TypeId::Interval: return "int64_t";
  }
  return "void";
}

std::optional<SqlType> type_from_name(const std::string& name, const std::vector<int64_t>& params,
                                      std::string& error) {
  auto no_params = [&](SqlType t) -> std::optional<SqlType> {
    if (!params.empty() && name != "varchar" && name != "timestamp" && name != "char") {
      error = "type " + t.to_string() + " takes no parameters";
    }
    return t;
  };
  if (name == "boolean" || name == "bool") return no_params(SqlType::boolean());
  if (name == "int" || name == "integer" || name == "smallint" || name == "tinyint") return no_params(SqlType::integer());
  if (name == "bigint" || name == "long") return no_params(SqlType::bigint());
  if (name == "double" || name == "double precision" || name == "float" || name == "real" || name == "float8")
    return no_params(SqlType::float64());
  if (name == "varchar" || name == "string" || name == "text" || name == "char") return no_params(SqlType::varchar());
  if (name == "timestamp" || name == "timestamp_ltz") return no_params(SqlType::timestamp());
  if (name == "date") return no_params(SqlType::date());
  if (name == "interval") return no_params(SqlType::interval());
  if (name == "decimal" || name == "numeric" || name == "dec") {
    int64_t p = params.size() > 0 ? params[0] : 18;
    int64_t s = params.size() > 1 ? params[1] : (params.empty() ? 3 : 0);
    if (params.size() > 2) error = "DECIMAL takes at most a precision and a scale";
    else if (p < 1 || p > kMaxDecimalPrecision) error = "DECIMAL precision must be between 1 and 38, not " + std::to_string(p);
    else if (s < 0 || s > p) error = "DECIMAL scale must be between 0 and the precision (" + std::to_string(p) + "), not " + std::to_string(s);
    if (!error.empty()) return SqlType::decimal(18, 3);
    return SqlType::decimal(static_cast<int>(p), static_cast<int>(s));
  }
  return std::nullopt;
}

SqlType as_decimal(SqlType t) {
  if (t.id == TypeId::Int) return SqlType::decimal(10, 0);
  if (t.id == TypeId::BigInt) return SqlType::decimal(19, 0);
  return t;
}

std::optional<SqlType> common_numeric_type(SqlType a, SqlType b) {
  if (a.id == TypeId::Null) return b.is_numeric() ? std::optional(b) : std::nullopt;
  if (b.id == TypeId::Null) return a.is_numeric() ? std::optional(a) : std::nullopt;
  if (!a.is_numeric() || !b.is_numeric()) return std::nullopt;
  if (a == b) return a;
  if (a.id == TypeId::Double || b.id == TypeId::Double) return SqlType::float64();
  if (a.is_integer() && b.is_integer()) return SqlType::bigint();
  // At least one DECIMAL: widen both so no digit is lost.
  SqlType da = as_decimal(a), db = as_decimal(b);
  int scale = std::max(da.scale, db.scale);
  int integral = std::max(da.precision - da.scale, db.precision - db.scale);
  return SqlType::decimal(std::min(integral + scale, kMaxDecimalPrecision), scale);
}

std::optional<SqlType> common_type(SqlType a, SqlType b) {
  if (a == b) return a;
  if (a.id == TypeId::Null) return b;
  if (b.id == TypeId::Null) return a;
  // A DATE beside a TIMESTAMP is its midnight.
  if ((a.id == TypeId::Date && b.id == TypeId::Timestamp) || (a.id == TypeId::Timestamp && b.id == TypeId::Date)) {
    return SqlType::timestamp();
  }
  if (auto n = common_numeric_type(a, b)) return n;
  return std::nullopt;
}

}  // namespace streamc
