// SQL types as the compiler sees them, and the C++ type each one becomes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace streamc {

enum class TypeId { Null, Boolean, Int, BigInt, Double, Decimal, Varchar, Timestamp, Date, Interval };

struct SqlType {
  TypeId id = TypeId::Null;
  uint8_t precision = 0;  // DECIMAL only
  uint8_t scale = 0;      // DECIMAL only

  static SqlType null() { return {TypeId::Null}; }
  static SqlType boolean() { return {TypeId::Boolean}; }
  static SqlType integer() { return {TypeId::Int}; }
  static SqlType bigint() { return {TypeId::BigInt}; }
  static SqlType float64() { return {TypeId::Double}; }
  static SqlType decimal(int p, int s) { return {TypeId::Decimal, static_cast<uint8_t>(p), static_cast<uint8_t>(s)}; }
  static SqlType varchar() { return {TypeId::Varchar}; }
  static SqlType timestamp() { return {TypeId::Timestamp}; }
  static SqlType date() { return {TypeId::Date}; }
  static SqlType interval() { return {TypeId::Interval}; }

  bool operator==(const SqlType&) const = default;
  bool is_numeric() const;
  bool is_integer() const { return id == TypeId::Int || id == TypeId::BigInt; }
  bool is_wide_decimal() const { return id == TypeId::Decimal && precision > 18; }
  std::string to_string() const;  // DECIMAL(18,4), VARCHAR, ...
  std::string cpp_type() const;   // int64_t, std::string_view, ...
};

inline constexpr int kMaxDecimalPrecision = 38;

// Maps a type name as written (INT, INTEGER, STRING, DECIMAL(10,2), ...) to a
// type; nullopt for an unknown name. `error` says what is wrong with params.
std::optional<SqlType> type_from_name(const std::string& lower_name, const std::vector<int64_t>& params,
                                      std::string& error);

// The common type two operands are converted to for arithmetic or
// comparison; nullopt when they do not mix (VARCHAR + INT).
std::optional<SqlType> common_numeric_type(SqlType a, SqlType b);
std::optional<SqlType> common_type(SqlType a, SqlType b);

// The decimal form of an exact numeric type: INT is DECIMAL(10,0).
SqlType as_decimal(SqlType t);

}  // namespace streamc
