// The last N values of an expression in one partition of a row analytic
// (LAG(x, k) reads k back): a ring kept per partition key in a HashTable.
// Values are numbers, decimals, timestamps or dates: a view into a record's
// buffer would not outlive the record.
#pragma once

#include <cstddef>
#include <cstdint>

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
  void push(const T& value, bool null) {
    const size_t i = static_cast<size_t>(count % N);
    values[i] = value;
    nulls[i] = null;
    ++count;
  }
};

// No strings to own (HashTable asks every row).
template <class T, size_t N, class F>
void visit_strings(Recent<T, N>&, F&&) {}

}  // namespace streamc
