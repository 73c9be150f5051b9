// Accumulators of SQL aggregates, kept by generated code (a subquery's
// cache, the rows an index finds for one record). Header-only and inline: no
// allocation, no throw, no virtual call. The caller passes over NULL values,
// as SQL aggregates do; an accumulator that saw no value is NULL, except
// COUNT, which is 0.
#pragma once

#include <cstdint>
#include <type_traits>

#include "streamc/decimal.h"

namespace streamc {

// COUNT(*) counts rows, COUNT(x) the non-NULL values: the caller decides.
struct Count {
  int64_t n = 0;
  void add() { ++n; }
  bool is_null() const { return false; }
  int64_t result() const { return n; }
};

// MIN / MAX over any type ordered by <: numbers, decimals of one scale,
// strings, timestamps.
template <class T>
struct Min {
  T value{};
  bool empty = true;
  void add(const T& v) {
    if (empty || v < value) value = v;
    empty = false;
  }
  bool is_null() const { return empty; }
  const T& result() const { return value; }
};

template <class T>
struct Max {
  T value{};
  bool empty = true;
  void add(const T& v) {
    if (empty || v > value) value = v;
    empty = false;
  }
  bool is_null() const { return empty; }
  const T& result() const { return value; }
};

// SUM of integers (int64_t) or of decimals (i128, DECIMAL(38, s)): add() is
// false when the sum overflows, and the record fails; a sum never wraps.
// A decimal sum must also keep within 38 digits after every addition.
template <class T>
struct Sum {
  static_assert(std::is_same_v<T, int64_t> || std::is_same_v<T, i128>, "SUM is exact for BIGINT and DECIMAL");
  T value = 0;
  bool empty = true;
  [[nodiscard]] bool add(T v) {
    empty = false;
    if (__builtin_add_overflow(value, v, &value)) return false;
    if constexpr (std::is_same_v<T, i128>) return dec_fits(value, 38);
    return true;
  }
  bool is_null() const { return empty; }
  T result() const { return value; }
};

// SUM of doubles: IEEE addition in the order the values come.
template <>
struct Sum<double> {
  double value = 0;
  bool empty = true;
  void add(double v) {
    value += v;
    empty = false;
  }
  bool is_null() const { return empty; }
  double result() const { return value; }
};

// AVG as DOUBLE: the values summed as doubles (decimals converted by the
// caller with dec_to_double), divided by their count once, at the end.
struct Avg {
  double sum = 0;
  uint64_t count = 0;
  void add(double v) {
    sum += v;
    ++count;
  }
  bool is_null() const { return count == 0; }
  double result() const { return count == 0 ? 0.0 : sum / static_cast<double>(count); }
};

}  // namespace streamc
