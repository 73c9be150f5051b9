// The SQL type of a column as the runtime's templates take it (a template
// argument: row_parse.h converts input to it, sink_fields.h writes it out),
// and its name as SQL spells it, at compile time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace streamc {

// A SQL type: what a column's text or JSON value converts to, what a sink writes.
struct ColumnType {
  enum Id : uint8_t { Boolean, Int, BigInt, Double, Decimal, Varchar, Timestamp, Date, Interval, Null };
  Id id;
  uint8_t precision = 0;  // DECIMAL only
  uint8_t scale = 0;      // DECIMAL only
};
inline constexpr ColumnType kBoolean{ColumnType::Boolean};
inline constexpr ColumnType kInt{ColumnType::Int};
inline constexpr ColumnType kBigInt{ColumnType::BigInt};
inline constexpr ColumnType kDouble{ColumnType::Double};
inline constexpr ColumnType kVarchar{ColumnType::Varchar};
inline constexpr ColumnType kTimestamp{ColumnType::Timestamp};
inline constexpr ColumnType kDate{ColumnType::Date};
inline constexpr ColumnType kInterval{ColumnType::Interval};  // a sink's value only: milliseconds
inline constexpr ColumnType kNull{ColumnType::Null};          // a sink's value only: the NULL literal
constexpr ColumnType decimal(int precision, int scale) {
  return {ColumnType::Decimal, static_cast<uint8_t>(precision), static_cast<uint8_t>(scale)};
}

namespace detail {

// Text spelled at compile time: messages naming a column and its type.
template <size_t N>
struct FixedText {
  char data[N] = {};
  size_t size = 0;

  constexpr FixedText& add(std::string_view s) {
    for (char ch : s) data[size++] = ch;
    return *this;
  }
  constexpr FixedText& add(unsigned v) {
    char digits[3] = {};
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) data[size++] = digits[--n];
    return *this;
  }
  constexpr std::string_view view() const { return {data, size}; }
};

// As SQL spells the type: BIGINT, DECIMAL(18,2).
constexpr FixedText<16> type_name(ColumnType t) {
  FixedText<16> text;
  switch (t.id) {
    case ColumnType::Boolean: return text.add("BOOLEAN");
    case ColumnType::Int: return text.add("INT");
    case ColumnType::BigInt: return text.add("BIGINT");
    case ColumnType::Double: return text.add("DOUBLE");
    case ColumnType::Decimal: return text.add("DECIMAL(").add(t.precision).add(",").add(t.scale).add(")");
    case ColumnType::Varchar: return text.add("VARCHAR");
    case ColumnType::Timestamp: return text.add("TIMESTAMP");
    case ColumnType::Date: return text.add("DATE");
    case ColumnType::Interval: return text.add("INTERVAL");
    case ColumnType::Null: return text.add("NULL");
  }
  return text;
}

}  // namespace detail
}  // namespace streamc
