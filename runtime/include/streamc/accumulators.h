// Accumulators of SQL aggregates, kept by generated code (a subquery's
// cache, the rows an index finds for one record, a group). Header-only and
// inline: no allocation, no throw, no virtual call. The caller passes over
// NULL values, as SQL aggregates do; an accumulator that saw no value is
// NULL, except COUNT, which is 0. merge() adds another accumulator's values
// (session windows that merge); it is false when a SUM overflows.
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>
#include <functional>
#include <type_traits>

#include "streamc/decimal.h"

namespace streamc {

// COUNT(*) counts rows, COUNT(x) the non-NULL values: the caller decides.
struct Count {
  int64_t n = 0;
  void add() { ++n; }
  bool merge(const Count& o) {
    n += o.n;
    return true;
  }
  bool is_null() const { return false; }
  int64_t result() const { return n; }
};

// MIN / MAX over any type ordered by <: numbers, decimals of one scale,
// strings, timestamps. `Better` says whether a value replaces the one kept.
template <class T, class Better>
struct Extreme {
  T value{};
  bool empty = true;
  void add(const T& v) {
    if (takes(v)) set(v);
  }
  bool merge(const Extreme& o) {
    if (!o.empty) add(o.value);
    return true;
  }
  // For values the accumulator must own (VARCHAR): whether `v` would be
  // kept, and keeping a copy of it.
  bool takes(const T& v) const { return empty || Better{}(v, value); }
  void set(const T& v) {
    value = v;
    empty = false;
  }
  bool is_null() const { return empty; }
  const T& result() const { return value; }
};

template <class T>
using Min = Extreme<T, std::less<T>>;
template <class T>
using Max = Extreme<T, std::greater<T>>;

// FIRST and LAST: the first and the last value added, in arrival order
// (`at`, the record's place in the input, orders two that merge).
template <class T>
struct First {
  T value{};
  uint64_t at = 0;
  bool empty = true;
  void add(const T& v, uint64_t when) {
    if (!empty) return;
    value = v;
    at = when;
    empty = false;
  }
  bool merge(const First& o) {
    if (!o.empty && (empty || o.at < at)) *this = o;
    return true;
  }
  bool takes(const T&) const { return empty; }
  void set(const T& v, uint64_t when) { add(v, when); }
  bool is_null() const { return empty; }
  const T& result() const { return value; }
};

template <class T>
struct Last {
  T value{};
  uint64_t at = 0;
  bool empty = true;
  void add(const T& v, uint64_t when) {
    value = v;
    at = when;
    empty = false;
  }
  bool merge(const Last& o) {
    if (!o.empty && (empty || o.at >= at)) *this = o;
    return true;
  }
  bool takes(const T&) const { return true; }
  void set(const T& v, uint64_t when) { add(v, when); }
  bool is_null() const { return empty; }
  const T& result() const { return value; }
};

// STRING_AGG / LISTAGG: the values joined; generated code makes the joined
// copy (its group's table owns it) and sets it.
struct StringAgg {
  std::string_view value;
  bool empty = true;
  void set(std::string_view v) {
    value = v;
    empty = false;
  }
  bool is_null() const { return empty; }
  std::string_view result() const { return value; }
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
  [[nodiscard]] bool merge(const Sum& o) { return o.empty || add(o.value); }
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
  bool merge(const Sum& o) {
    if (!o.empty) add(o.value);
    return true;
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
  bool merge(const Avg& o) {
    sum += o.sum;
    count += o.count;
    return true;
  }
  bool is_null() const { return count == 0; }
  double result() const { return count == 0 ? 0.0 : sum / static_cast<double>(count); }
};

// AVG of DECIMAL(p, S) as DECIMAL(38, R): the values summed exactly (as
// SUM keeps them; add() is false when the sum leaves 38 digits), divided
// by their count once, at the end, rounded half away from zero to scale R.
template <int S, int R>
struct AvgDecimal {
  i128 sum = 0;
  uint64_t count = 0;
  [[nodiscard]] bool add(i128 v) {
    ++count;
    return !__builtin_add_overflow(sum, v, &sum) && dec_fits(sum, 38);
  }
  [[nodiscard]] bool merge(const AvgDecimal& o) {
    count += o.count;
    return !__builtin_add_overflow(sum, o.sum, &sum) && dec_fits(sum, 38);
  }
  bool is_null() const { return count == 0; }
  // The planner picks R so that the mean, no larger than the largest value, fits.
  i128 result() const {
    if (count == 0) return 0;
    // Nearly always the scaled sum fits 64 bits: one 64-bit division.
    constexpr int64_t kScale = static_cast<int64_t>(detail::kPow10.value[R - S]);
    constexpr int64_t kLimit = INT64_MAX / kScale;
    if (sum >= -kLimit && sum <= kLimit && count <= static_cast<uint64_t>(INT64_MAX)) {
      const int64_t scaled = static_cast<int64_t>(sum) * kScale;
      const int64_t n = static_cast<int64_t>(count);
      int64_t q = scaled / n;
      const int64_t r = scaled % n;
      if ((r < 0 ? -r : r) >= n - (r < 0 ? -r : r)) q += scaled < 0 ? -1 : 1;  // half away from zero
      return q;
    }
    i128 out = 0;
    dec_div(sum, S, static_cast<i128>(count), 0, R, out);
    return out;
  }
};

// STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP as DOUBLE, by Welford's
// update in the order the values come (as DuckDB computes them): the
// running mean and the sum of squared deviations from it. A sample form of
// fewer than two values is NULL, a population form of none.
enum class SpreadKind { StddevSamp, StddevPop, VarSamp, VarPop };

template <SpreadKind K>
struct Spread {
  uint64_t count = 0;
  double mean = 0;
  double squares = 0;  // the sum of squared deviations from the mean
  void add(double v) {
    ++count;
    const double delta = v - mean;
    mean += delta / static_cast<double>(count);
    squares += delta * (v - mean);
  }
  // Chan's combination of two partial results.
  bool merge(const Spread& o) {
    if (o.count == 0) return true;
    if (count == 0) {
      *this = o;
      return true;
    }
    const double n = static_cast<double>(count + o.count);
    const double delta = o.mean - mean;
    squares += o.squares + delta * delta * static_cast<double>(count) * static_cast<double>(o.count) / n;
    mean += delta * static_cast<double>(o.count) / n;
    count += o.count;
    return true;
  }
  static constexpr bool kSample = K == SpreadKind::StddevSamp || K == SpreadKind::VarSamp;
  bool is_null() const { return count < (kSample ? 2u : 1u); }
  double result() const {
    if (is_null()) return 0.0;
    const double variance = squares / static_cast<double>(kSample ? count - 1 : count);
    return K == SpreadKind::StddevSamp || K == SpreadKind::StddevPop ? std::sqrt(variance) : variance;
  }
};

}  // namespace streamc
