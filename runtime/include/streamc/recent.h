// The last N values of an expression in one partition of a row analytic
// (LAG(x, k) reads k back): a ring kept per partition key in a HashTable.
// Values are numbers, decimals, timestamps, dates, or texts the partitions'
// table owns (a view into a record's buffer would not outlive the record:
// the value pushed is HashTable::own's copy, replacing replaced()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace streamc {

template <class T, size_t N>
struct Recent {
  T values[N] = {};
  bool nulls[N] = {};
  uint64_t count = 0;  // values pushed so far

  // The value `back` pushes ago (1: the latest); false when fewer came.
  bool get(size_t back, T& value, bool& null) const {
    if (back == 0 || back > N || back > count) return false;
    const size_t i = static_cast<size_t>((count - back) % N);
    value = values[i];
    null = nulls[i];
    return true;
  }
  // The values held: at most N.
  size_t size() const { return count < N ? static_cast<size_t>(count) : N; }
  // The value the next push replaces (a default one while fewer than N came).
  const T& replaced() const { return values[count % N]; }
  void push(const T& value, bool null) {
    const size_t i = static_cast<size_t>(count % N);
    values[i] = value;
    nulls[i] = null;
    ++count;
  }
};

// The strings a ring holds, for the table that owns them (HashTable asks every row).
template <class T, size_t N, class F>
void visit_strings(Recent<T, N>& r, F&& f) {
  if constexpr (std::is_same_v<T, std::string_view>) {
    for (std::string_view& v : r.values) f(v);
  }
}

}  // namespace streamc
