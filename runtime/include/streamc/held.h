// Records held until their LEADs are known. LEAD(x, k) of a record is x of
// the k-th record after it in its partition, so a pipeline with LEADs holds
// each record, per partition, until the N-th later record of the partition
// has arrived (N: the furthest its LEADs look ahead), and writes it then,
// just before that record is held in turn; once the input has ended the
// records still held are written, in the order they arrived, with the LEADs
// that reach past the end NULL (or their default).
//
// PERCENT_RANK, CUME_DIST and NTILE need the size of the whole partition:
// with them every record is held (a ring of N = 0: no bound) until the input
// ends, and the functions below compute them from the partition's records.
//
// A held record (Entry, generated per query) is what the pipeline writes
// minus its LEADs: the values its select list reads, computed when it
// arrived, VARCHAR ones in std::string it owns. The slots of a partition's
// ring are reused, so once a partition has held N + 1 records holding one
// more allocates only for a string longer than any its slot held before.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "streamc/hash_table.h"
#include "streamc/per_record.h"
#include "streamc/step.h"

namespace streamc {

// One partition's held records: a ring of N slots, oldest first.
template <class Entry, size_t N>
class HeldRing {
 public:
  static_assert(N >= 2, "a record is held until at least one later record arrives");

  // The records held.
  size_t held() const { return static_cast<size_t>(pushed_ - written_); }
  // Held as many as it can: the oldest must be written before the next arrives.
  bool full() const { return held() == N; }
  // The i-th record held, 0 the oldest.
  const Entry& at(size_t i) const { return entries_[(written_ + i) % N]; }
  // When the i-th record held arrived (its place among every record held by the pipeline).
  uint64_t arrival(size_t i) const { return arrivals_[(written_ + i) % N]; }
  // A slot for a record arriving: the newest (its values overwrite the slot's).
  Entry& push(uint64_t arrival) {
    const size_t slot = static_cast<size_t>(pushed_++ % N);
    arrivals_[slot] = arrival;
    return entries_[slot];
  }
  // The oldest record was written.
  void pop() { ++written_; }

 private:
  Entry entries_[N] = {};
  uint64_t arrivals_[N] = {};
  uint64_t pushed_ = 0;
  uint64_t written_ = 0;
};

// N = 0: every record of the partition, until the input ends (PERCENT_RANK,
// CUME_DIST, NTILE). Each record held costs its slot (and its strings).
template <class Entry>
class HeldRing<Entry, 0> {
 public:
  size_t held() const { return entries_.size() - written_; }
  bool full() const { return false; }
  const Entry& at(size_t i) const { return entries_[written_ + i]; }
  uint64_t arrival(size_t i) const { return arrivals_[written_ + i]; }
  Entry& push(uint64_t arrival) {
    arrivals_.push_back(arrival);
    return entries_.emplace_back();  // a deque: the records held before do not move
  }
  void pop() { ++written_; }

 private:
  std::deque<Entry> entries_;
  std::deque<uint64_t> arrivals_;
  size_t written_ = 0;
};

// PERCENT_RANK() of a record of RANK `rank` in a partition of `rows`:
// (rank - 1) / (rows - 1), 0 when the partition has one row.
inline double percent_rank(int64_t rank, size_t rows) {
  return rows > 1 ? static_cast<double>(rank - 1) / static_cast<double>(rows - 1) : 0.0;
}

// CUME_DIST() of the i-th record of a whole partition held in `ring`: the
// rows up to its last peer (the records of its RANK, `rank_of`) over the
// rows. Ranks never decrease along a partition, so its peers follow it.
template <class Ring, class RankOf>
double cume_dist(const Ring& ring, size_t i, RankOf&& rank_of) {
  const auto rank = rank_of(ring.at(i));
  size_t low = i + 1, high = ring.held();  // the first record after its peers is in [low, high]
  while (low < high) {
    const size_t mid = low + (high - low) / 2;
    if (rank_of(ring.at(mid)) == rank) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return static_cast<double>(low) / static_cast<double>(ring.held());
}

// NTILE(buckets) of the i-th row (from 0) of a partition of `rows`: the rows
// split in order into `buckets` groups (as many as rows, if fewer) whose
// sizes differ by at most one, the larger first.
inline int64_t ntile(int64_t buckets, size_t i, size_t rows) {
  const int64_t n = static_cast<int64_t>(rows);
  const int64_t row = static_cast<int64_t>(i);
  if (buckets > n) buckets = n;
  const int64_t size = n / buckets;
  const int64_t large = n - buckets * size;  // buckets of size + 1
  const int64_t in_large = large * (size + 1);
  return row < in_large ? 1 + row / (size + 1) : 1 + large + (row - in_large) / size;
}

// A partition's place among the rings: 1 + its index (0: new).
struct HeldIndex {
  uint32_t index = 0;
};
template <class F>
void visit_strings(HeldIndex&, F&&) {}

// The held records of every partition, by partition key (a key a HashTable
// takes: a tuple of (is NULL, value) per PARTITION BY expression).
template <class Key, class Entry, size_t N>
class HeldRecords {
 public:
  using Ring = HeldRing<Entry, N>;

  // A record arrives in the partition of `key`: its ring, the record's slot
  // newly pushed (ring.at(ring.held() - 1)).
  STREAMC_PER_RECORD Ring& arrive(const Key& key, Entry*& slot) {
    uint32_t& index = index_.find_or_insert(key).index;
    if (index == 0) index = add_ring();
    Ring& ring = rings_[index - 1];
    slot = &ring.push(arrivals_++);
    return ring;
  }

  // Once the input has ended: write(ring, i) for every record still held, in
  // the order they arrived; the first failure stops it. Nothing stays held.
  template <class Write>
  Step flush(Write&& write) {
    std::vector<std::pair<uint64_t, std::pair<Ring*, size_t>>> order;
    for (Ring& ring : rings_) {
      for (size_t i = 0; i < ring.held(); ++i) order.push_back({ring.arrival(i), {&ring, i}});
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Step step = Step::Next;
    for (const auto& [arrival, place] : order) {
      step = write(*place.first, place.second);
      if (step == Step::Error) break;
    }
    for (Ring& ring : rings_) {
      while (ring.held() > 0) ring.pop();
    }
    return step;
  }

  // Partitions seen.
  size_t size() const { return rings_.size(); }
  size_t memory_bytes() const {
    size_t bytes = index_.memory_bytes() + rings_.size() * sizeof(Ring);
    for (const Ring& ring : rings_) bytes += N == 0 ? ring.held() * (sizeof(Entry) + sizeof(uint64_t)) : 0;
    return bytes;
  }

 private:
  // A new partition's ring: memory once per partition, as the index's own
  // growth, not per record. Returns 1 + its place.
  uint32_t add_ring() {
    rings_.emplace_back();
    return static_cast<uint32_t>(rings_.size());
  }

  HashTable<Key, HeldIndex> index_;

  std::deque<Ring> rings_;          // a ring does not move once made
  uint64_t arrivals_ = 0;
};

}  // namespace streamc
