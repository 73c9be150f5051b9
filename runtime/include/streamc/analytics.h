// What a partition of a row analytic keeps (besides LAG's and a frame's
// streamc::Recent ring), in a HashTable by partition key: the rows so far
// (ROW_NUMBER), the ranks (RANK, DENSE_RANK), the n-th value (FIRST_VALUE,
// NTH_VALUE), or an accumulator (running aggregates). Rows arrive in the
// order the input has them; nothing here sorts.
#pragma once

#include <cstdint>

#include "streamc/accumulators.h"
#include "streamc/hash_table.h"
#include "streamc/per_record.h"

namespace streamc {

// ROW_NUMBER(): 1, 2, 3, ... in the partition.
struct RowCount {
  int64_t n = 0;
  int64_t next() { return ++n; }
};

// RANK() and DENSE_RANK() by ORDER BY values (a tuple of (is NULL, value)),
// in arrival order: a row whose values equal the row before it is its peer
// and shares its rank.
template <class Key>
struct Ranks {
  int64_t rows = 0;
  int64_t rank = 0;
  int64_t dense = 0;
  Key last{};
  void add(const Key& key) {
    ++rows;
    if (rows == 1 || !(key == last)) {
      rank = rows;
      ++dense;
      last = key;
    }
  }
};

// The n-th value of the partition (FIRST_VALUE: n = 1; NTH_VALUE(x, n)).
template <class T>
struct NthSeen {
  T value{};
  bool null = false;
  int64_t count = 0;
  void push(int64_t n, const T& v, bool is_null) {
    if (++count == n) {
      value = v;
      null = is_null;
    }
  }
  // False while fewer than n values came: the result is NULL.
  bool get(int64_t n, T& v, bool& is_null) const {
    if (count < n) return false;
    v = value;
    is_null = null;
    return true;
  }
};

// A partition that may expire (EXPIRE AFTER: the event time of its last
// record) or that counts its rows (EMIT ON BUFFER FULL), around what its
// function keeps.
template <class State>
struct Partition {
  State state{};
  int64_t last_seen = 0;
  uint64_t rows = 0;
};
template <class State, class F>
void visit_strings(Partition<State>& p, F&& f) {
  visit_strings(p.state, f);
}

// The partitions of such a row analytic, by key. A partition idle for
// `expire` ms of event time starts afresh when a record comes to it, and
// idle partitions are freed whenever event time has moved on by half of
// `expire` (0: they never expire).
template <class Key, class State>
class Partitions {
 public:
  explicit Partitions(int64_t expire) : expire_(expire) {}

  // The partition of `key`, a record at event time `t` in it.
  STREAMC_PER_RECORD Partition<State>& at(const Key& key, int64_t t) {
    if (expire_ > 0 && t >= next_sweep_) sweep(t);
    Partition<State>& p = table_.find_or_insert(key);
    if (expire_ > 0 && p.rows > 0 && p.last_seen <= t - expire_) p = Partition<State>{};
    if (p.rows == 0 || t > p.last_seen) p.last_seen = t;
    ++p.rows;
    return p;
  }

  // HashTable::own in the partitions' table (LAG of a VARCHAR).
  std::string_view own(std::string_view s, std::string_view old) { return table_.own(s, old); }

  size_t size() const { return table_.size(); }
  size_t memory_bytes() const { return table_.memory_bytes(); }

 private:
  void sweep(int64_t t) {
    table_.erase_if([&](const Partition<State>& p) { return p.last_seen <= t - expire_; });
    next_sweep_ = t + (expire_ > 1 ? expire_ / 2 : 1);
  }

  HashTable<Key, Partition<State>> table_;
  int64_t expire_;
  int64_t next_sweep_ = INT64_MIN;
};

// None of them holds a string (HashTable asks every row).
template <class F>
void visit_strings(RowCount&, F&&) {}
template <class Key, class F>
void visit_strings(Ranks<Key>&, F&&) {}
template <class T, class F>
void visit_strings(NthSeen<T>&, F&&) {}
template <class F>
void visit_strings(Count&, F&&) {}
template <class T, class F>
void visit_strings(Sum<T>&, F&&) {}
template <class T, class Better, class F>
void visit_strings(Extreme<T, Better>&, F&&) {}
template <class F>
void visit_strings(Avg&, F&&) {}
template <int S, int R, class F>
void visit_strings(AvgDecimal<S, R>&, F&&) {}
template <class T, class F>
void visit_strings(First<T>&, F&&) {}
template <class F>
void visit_strings(StringAgg& a, F&& f) {
  f(a.value);
}
template <class T, class F>
void visit_strings(Last<T>&, F&&) {}

}  // namespace streamc
