// The in-memory state of a joined table: streamc::HashTable<Key, Row>, an
// open-addressing hash table that owns the strings of its keys and rows.
//
// Layout (SwissTable-style): one allocation holding a control byte per slot
// and a parallel array of slots {key; row}. A control byte is EMPTY, DELETED
// or the top 7 bits of the key's hash. A probe hashes once, loads the 16
// control bytes of its group (one SSE2 compare) and touches a slot only where
// the 7 bits match (a false match is 1 in 128 per full slot), so a miss costs
// about one cache line and a hit two. String keys are stored as PackedString
// (string_pool.h): up to 12 bytes inline, so comparing "u1234567" follows no
// pointer. Groups are probed triangularly; capacity is a power of two, at
// most 7/8 full counting tombstones; tables of 4 MiB and more ask for huge
// pages. erase() leaves a tombstone only where a probe may have passed (the
// slot's group has no EMPTY byte); when tombstones rather than rows use up
// the table, it is rebuilt at the same capacity, so upsert/erase cycles never
// degrade probes.
//
// String ownership. The key and row given to upsert() may view a transient
// read buffer; the table copies every view into its own StringPool (a short
// string key inline). It finds the views of a row through visit_strings,
// which generated code defines next to each row struct, found by ADL:
//
//   template <class F> void visit_strings(Row& row, F&& f);  // f(std::string_view&)
//
// It calls f on every std::string_view member and nothing else; a row without
// strings gets an empty body. A row type without visit_strings does not
// compile, so a forgotten column cannot dangle silently. Keys need nothing:
// integers, bool, double, i128, std::string_view and std::tuple/std::pair of
// them are built in (a custom key struct needs Hasher, ==, visit_strings).
// Replaced and erased strings are garbage; when it exceeds the live string
// bytes (and 64 KiB plus a byte per slot) the table moves the live strings
// to a fresh pool, so the pool stays under twice the live bytes plus that.
//
// What generated code writes:
//
//   struct UserProfilesRow {
//     std::string_view tier;
//     int32_t risk_score;
//     uint64_t nulls;
//   };
//   template <class F>
//   void visit_strings(UserProfilesRow& r, F&& f) { f(r.tier); }
//
//   streamc::HashTable<std::string_view, UserProfilesRow> user_profiles;
//   // loading and updates; key and row may view the reader's buffer:
//   if (all_non_key_null) user_profiles.erase(key); else user_profiles.upsert(key, row);
//   // per stream record:
//   if (const UserProfilesRow* u = user_profiles.find(trade.user_id)) { ... }
//
// Rules: a NULL key matches nothing in SQL, so it is neither stored nor
// probed. Pointers from find()/upsert() and views inside stored rows stay
// valid until the next upsert, erase, reserve, compact or clear. Numbers in
// the row upsert() returns may be changed in place, views may not (upsert
// again). find and find_batch are const and may run concurrently; a mutation
// needs the table to itself. Key and Row are trivially destructible (views,
// numbers, flags). Out of memory (std::bad_alloc from upsert) is not
// recoverable.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <new>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "streamc/hash.h"
#include "streamc/string_pool.h"

namespace streamc {

namespace hash_table_detail {

inline constexpr size_t kGroupSize = 16;
inline constexpr int8_t kEmpty = -128;  // 0b10000000
inline constexpr int8_t kDeleted = -2;  // 0b11111110; full bytes are 0..127

alignas(kGroupSize) inline constexpr int8_t kEmptyGroup[kGroupSize] = {
    kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty,
    kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty};

// 16 control bytes; each match returns a bitmask, bit i for byte i.
struct Group {
#if defined(__SSE2__)
  explicit Group(const int8_t* p) : v(_mm_load_si128(reinterpret_cast<const __m128i*>(p))) {}
  uint32_t match(int8_t tag) const {
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_set1_epi8(tag), v)));
  }
  uint32_t match_empty() const { return match(kEmpty); }
  // EMPTY or DELETED: the bytes with the sign bit set.
  uint32_t match_free() const { return static_cast<uint32_t>(_mm_movemask_epi8(v)); }
  __m128i v;
#else
  explicit Group(const int8_t* p) { std::copy(p, p + kGroupSize, b); }
  uint32_t match(int8_t tag) const {
    uint32_t m = 0;
    for (size_t i = 0; i < kGroupSize; ++i) m |= uint32_t{b[i] == tag} << i;
    return m;
  }
  uint32_t match_empty() const { return match(kEmpty); }
  uint32_t match_free() const {
    uint32_t m = 0;
    for (size_t i = 0; i < kGroupSize; ++i) m |= uint32_t{b[i] < 0} << i;
    return m;
  }
  int8_t b[kGroupSize];
#endif
};

// The table's one allocation: control bytes, then slots. Tables of 4 MiB and
// more ask for transparent huge pages, which removes most TLB misses from
// random probes of a large table.
void* allocate_table(size_t bytes);
// Has `threads` threads fault in the pages of a large table together, so that
// the kernel's zeroing of its memory is shared instead of falling on the
// thread that inserts; nothing for one thread or a small table.
void populate_table(void* p, size_t bytes, unsigned threads);
void free_table(void* p, size_t bytes) noexcept;

}  // namespace hash_table_detail

template <class Key, class Row, class Hash = Hasher<Key>, class Eq = std::equal_to<Key>>
class HashTable {
  static_assert(std::is_trivially_destructible_v<Key> && std::is_trivially_destructible_v<Row>,
                "HashTable keys and rows hold views and numbers; strings are owned by its pool");
  // std::string_view keys, alone or in tuples, are packed when compared with
  // plain equality; a custom Eq sees the key as given.
  using Codec = std::conditional_t<std::is_same_v<Eq, std::equal_to<Key>>,
                                   key_storage::KeyCodec<Key>,
                                   key_storage::PlainKey<Key>>;
  using StoredKey = typename Codec::Stored;

 public:
  using KeyType = Key;
  using RowType = Row;

 private:
  static_assert(key_storage::HasStringVisitor<Key>,
                "the key type needs visit_strings(Key&, F&&), see streamc/hash_table.h");
  static_assert(key_storage::HasStringVisitor<Row>,
                "the row type needs `template <class F> void visit_strings(Row&, F&& f)` calling "
                "f(member) for each std::string_view member (empty if none), see "
                "streamc/hash_table.h");

 public:
  struct Slot {
    StoredKey key;
    Row row;
  };
  // Batches of find_batch are processed this many keys at a time.
  static constexpr size_t kBatch = 64;

  HashTable() = default;
  explicit HashTable(size_t expected_rows) { reserve(expected_rows); }
  ~HashTable() { release(); }
  HashTable(const HashTable&) = delete;
  HashTable& operator=(const HashTable&) = delete;
  HashTable(HashTable&& other) noexcept { swap(other); }
  HashTable& operator=(HashTable&& other) noexcept {
    if (this != &other) {
      HashTable moved(std::move(other));
      swap(moved);
    }
    return *this;
  }

  // The row stored under key, or nullptr.
  const Row* find(const Key& key) const noexcept {
    const Slot* s = find_slot(Codec::prepare(key), hash_(key));
    return s ? &s->row : nullptr;
  }

  // out[i] = find(keys[i]) for i < n. Hashes a batch and prefetches its
  // control groups, then its candidate slots (and the bytes of long string
  // keys), then compares, so the cache misses of a batch overlap.
  void find_batch(const Key* keys, size_t n, const Row** out) const noexcept {
    uint64_t hashes[kBatch];
    const Slot* candidates[kBatch];
    bool settled[kBatch];
    for (size_t base = 0; base < n; base += kBatch) {
      const size_t m = std::min(kBatch, n - base);
      const Key* k = keys + base;
      for (size_t i = 0; i < m; ++i) {
        hashes[i] = hash_(k[i]);
        __builtin_prefetch(ctrl_ + group_offset(hashes[i]));
      }
      for (size_t i = 0; i < m; ++i) {
        const size_t g = group_offset(hashes[i]);
        const hash_table_detail::Group group(ctrl_ + g);
        const uint32_t match = group.match(tag(hashes[i]));
        candidates[i] = match ? slots_ + g + std::countr_zero(match) : nullptr;
        if (match) {
          // A slot may straddle two cache lines; the row is read next.
          __builtin_prefetch(candidates[i]);
          __builtin_prefetch(reinterpret_cast<const char*>(candidates[i] + 1) - 1);
        }
        // Most misses end here: no fingerprint matches and the group has room.
        settled[i] = !match && group.match_empty();
      }
      if constexpr (!std::is_same_v<Codec, key_storage::PlainKey<Key>>) {
        for (size_t i = 0; i < m; ++i) {
          if (candidates[i]) Codec::prefetch(candidates[i]->key);
        }
      }
      for (size_t i = 0; i < m; ++i) {
        if (settled[i]) {
          out[base + i] = nullptr;
          continue;
        }
        const auto probe = Codec::prepare(k[i]);
        const Slot* s = candidates[i] && Codec::matches(candidates[i]->key, probe, eq_)
                            ? candidates[i]
                            : find_slot(probe, hashes[i]);
        out[base + i] = s ? &s->row : nullptr;
      }
    }
  }

  // Starts loading the memory an upsert or find of key will read (its
  // control group and first candidate slots): a caller that knows its next
  // keys asks a few records ahead, so the cache misses of a load overlap.
  void prefetch(const Key& key) const noexcept {
    if (capacity_ == 0) return;
    const size_t g = group_offset(hash_(key));
    __builtin_prefetch(ctrl_ + g);
    __builtin_prefetch(slots_ + g);
  }

  // Inserts key -> row, or replaces the row stored under key. Copies the
  // strings of the key (when new) and of the row into the table's pool.
  Row& upsert(const Key& key, const Row& row) {
    const uint64_t h = hash_(key);
    if (Slot* s = const_cast<Slot*>(find_slot(Codec::prepare(key), h))) {
      garbage_bytes_ += string_bytes(s->row);
      s->row = row;
      own_strings(s->row);
      maybe_compact();
      return s->row;
    }
    return insert_new(key, h, row);
  }

  // The row stored under key, a default Row inserted first when the key is
  // new (its strings copied). The caller updates the row in place, so it
  // must not make the row view memory the table does not own.
  Row& find_or_insert(const Key& key) {
    const uint64_t h = hash_(key);
    if (Slot* s = const_cast<Slot*>(find_slot(Codec::prepare(key), h))) return s->row;
    return insert_new(key, h, Row{});
  }

  // A copy of `s` in the table's pool for a view a row keeps and updates in
  // place (a group's MIN of a VARCHAR); `old`, the view it replaces (a copy
  // this gave before, or empty), becomes garbage. The pool is compacted
  // first when it is mostly garbage, so the copy returned stays valid.
  std::string_view own(std::string_view s, std::string_view old) {
    garbage_bytes_ += old.size();
    maybe_compact();
    return pool_.intern_copy(s);
  }

  // Removes key; false if it was not there.
  bool erase(const Key& key) {
    const Slot* s = find_slot(Codec::prepare(key), hash_(key));
    if (s == nullptr) return false;
    erase_slot(static_cast<size_t>(s - slots_));
    maybe_compact();
    return true;
  }

  // Removes every row for which drop(row) holds (idle partitions of a row
  // analytic); the number removed.
  template <class Drop>
  size_t erase_if(Drop&& drop) {
    size_t n = 0;
    for (size_t i = 0; i < capacity_; ++i) {
      if (ctrl_[i] >= 0 && drop(static_cast<const Row&>(slots_[i].row))) {
        erase_slot(i);
        ++n;
      }
    }
    if (n) maybe_compact();
    return n;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t capacity() const { return capacity_; }

  // Room for n rows without another rebuild; a large table's memory is
  // faulted in by `threads` threads at once.
  void reserve(size_t n, unsigned threads = 1) {
    const size_t want = capacity_for(n);
    if (want > capacity_) rebuild(want, threads);
  }

  // Bytes of the slot and control arrays plus the string pool's chunks.
  size_t memory_bytes() const { return alloc_bytes_ + pool_.bytes_reserved(); }
  // String bytes in the pool that no stored key or row uses any more.
  size_t garbage_bytes() const { return garbage_bytes_; }

  // Copies the live strings into a fresh pool and frees the old one.
  void compact() {
    StringPool fresh;
    fresh.reserve(pool_.bytes_used() - garbage_bytes_);
    auto copy = [&fresh](std::string_view& s) { s = fresh.intern_copy(s); };
    for (size_t i = 0; i < capacity_; ++i) {
      if (ctrl_[i] < 0) continue;
      Codec::relocate(slots_[i].key, fresh);
      visit_strings(slots_[i].row, copy);
    }
    pool_.swap(fresh);
    garbage_bytes_ = 0;
  }

  // Removes every row; keeps the capacity.
  void clear() {
    if (capacity_ > 0) std::fill(ctrl_, ctrl_ + capacity_, hash_table_detail::kEmpty);
    size_ = tombstones_ = garbage_bytes_ = 0;
    growth_left_ = max_load(capacity_);
    pool_.clear();
  }

  // f(const Key&, const Row&) for every row, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (size_t i = 0; i < capacity_; ++i) {
      if (ctrl_[i] >= 0) f(Codec::view(slots_[i].key), static_cast<const Row&>(slots_[i].row));
    }
  }

  // f(const Key&, Row&) for every row, in no particular order: numbers in
  // the rows may change, views may not.
  template <class F>
  void for_each_mutable(F&& f) {
    for (size_t i = 0; i < capacity_; ++i) {
      if (ctrl_[i] >= 0) f(Codec::view(slots_[i].key), slots_[i].row);
    }
  }

  void swap(HashTable& other) noexcept {
    // A tuple of references swaps what they refer to: every member, listed once.
    auto members = [](HashTable& t) {
      return std::tie(t.ctrl_, t.slots_, t.alloc_bytes_, t.capacity_, t.group_mask_, t.size_, t.growth_left_,
                      t.tombstones_, t.garbage_bytes_, t.hash_, t.eq_);
    };
    auto mine = members(*this);
    auto theirs = members(other);
    mine.swap(theirs);
    pool_.swap(other.pool_);
  }

 private:
  static constexpr size_t kMinCompactBytes = 64 * 1024;

  static int8_t tag(uint64_t h) { return static_cast<int8_t>(h >> 57); }
  static size_t max_load(size_t capacity) { return capacity - capacity / 8; }
  static size_t capacity_for(size_t n) {
    if (n == 0) return 0;
    return std::bit_ceil(std::max(hash_table_detail::kGroupSize, n + (n + 6) / 7));
  }
  size_t group_offset(uint64_t h) const {
    return (static_cast<size_t>(h) & group_mask_) * hash_table_detail::kGroupSize;
  }

  template <class Probe>
  const Slot* find_slot(const Probe& probe, uint64_t h) const noexcept {
    const int8_t t = tag(h);
    size_t group = static_cast<size_t>(h) & group_mask_;
    for (size_t step = 1;; ++step) {
      const size_t offset = group * hash_table_detail::kGroupSize;
      const hash_table_detail::Group g(ctrl_ + offset);
      for (uint32_t m = g.match(t); m != 0; m &= m - 1) {
        const Slot* s = slots_ + offset + std::countr_zero(m);
        if (Codec::matches(s->key, probe, eq_)) [[likely]]
          return s;
      }
      if (g.match_empty()) [[likely]]
        return nullptr;
      group = (group + step) & group_mask_;
    }
  }

  // The first EMPTY or DELETED slot on h's probe sequence.
  size_t find_free(uint64_t h) const {
    size_t group = static_cast<size_t>(h) & group_mask_;
    for (size_t step = 1;; ++step) {
      const size_t offset = group * hash_table_detail::kGroupSize;
      if (const uint32_t m = hash_table_detail::Group(ctrl_ + offset).match_free()) {
        return offset + std::countr_zero(m);
      }
      group = (group + step) & group_mask_;
    }
  }

  // A key not in the table.
  Row& insert_new(const Key& key, uint64_t h, const Row& row) {
    size_t i = find_free(h);
    if (growth_left_ == 0 && ctrl_[i] == hash_table_detail::kEmpty) {
      // Owned before the rebuild, which frees what key or row may view.
      const StoredKey stored = Codec::store(key, pool_);
      const Row row_copy = row;
      make_room();
      return insert_at(find_free(h), h, stored, row_copy);
    }
    return insert_at(i, h, Codec::store(key, pool_), row);
  }

  Row& insert_at(size_t i, uint64_t h, const StoredKey& key, const Row& row) {
    if (ctrl_[i] == hash_table_detail::kDeleted) {
      --tombstones_;
    } else {
      --growth_left_;
    }
    ctrl_[i] = tag(h);
    Slot* s = ::new (static_cast<void*>(slots_ + i)) Slot{key, row};
    ++size_;
    own_strings(s->row);
    return s->row;
  }

  template <class T>
  void own_strings(T& value) {
    visit_strings(value, [this](std::string_view& s) { s = pool_.intern_copy(s); });
  }
  template <class T>
  static size_t string_bytes(T& value) {
    size_t n = 0;
    visit_strings(value, [&n](std::string_view& s) { n += s.size(); });
    return n;
  }

  void erase_slot(size_t i) {
    garbage_bytes_ += Codec::pool_bytes(slots_[i].key) + string_bytes(slots_[i].row);
    const size_t group = i & ~(hash_table_detail::kGroupSize - 1);
    if (hash_table_detail::Group(ctrl_ + group).match_empty()) {
      ctrl_[i] = hash_table_detail::kEmpty;
      ++growth_left_;
    } else {
      ctrl_[i] = hash_table_detail::kDeleted;
      ++tombstones_;
    }
    --size_;
  }

  void maybe_compact() {
    if (garbage_bytes_ > pool_.bytes_used() - garbage_bytes_ &&
        garbage_bytes_ > kMinCompactBytes + capacity_) {
      compact();
    }
  }

  // Out of EMPTY slots: drop the tombstones if live rows fill at most half of
  // the usable slots, else double.
  void make_room() {
    if (capacity_ > 0 && size_ * 2 <= max_load(capacity_)) {
      rebuild(capacity_);
    } else {
      rebuild(capacity_ == 0 ? hash_table_detail::kGroupSize : capacity_ * 2);
    }
  }

  void rebuild(size_t capacity, unsigned threads = 1) {
    const size_t slots_at = (capacity + 63) & ~size_t{63};
    const size_t bytes = slots_at + capacity * sizeof(Slot);
    auto* mem = static_cast<char*>(hash_table_detail::allocate_table(bytes));
    hash_table_detail::populate_table(mem, bytes, threads);
    auto* ctrl = reinterpret_cast<int8_t*>(mem);
    auto* slots = reinterpret_cast<Slot*>(mem + slots_at);
    std::fill(ctrl, ctrl + capacity, hash_table_detail::kEmpty);

    int8_t* old_ctrl = ctrl_;
    Slot* old_slots = slots_;
    const size_t old_capacity = capacity_;
    const size_t old_bytes = alloc_bytes_;
    ctrl_ = ctrl;
    slots_ = slots;
    alloc_bytes_ = bytes;
    capacity_ = capacity;
    group_mask_ = capacity / hash_table_detail::kGroupSize - 1;
    growth_left_ = max_load(capacity) - size_;
    tombstones_ = 0;
    for (size_t i = 0; i < old_capacity; ++i) {
      if (old_ctrl[i] < 0) continue;
      const size_t j = find_free(hash_(Codec::view(old_slots[i].key)));
      ctrl_[j] = old_ctrl[i];
      ::new (static_cast<void*>(slots_ + j)) Slot(std::move(old_slots[i]));
    }
    if (old_capacity > 0) hash_table_detail::free_table(old_ctrl, old_bytes);
  }

  void release() {
    if (capacity_ > 0) hash_table_detail::free_table(ctrl_, alloc_bytes_);
  }

  int8_t* ctrl_ = const_cast<int8_t*>(hash_table_detail::kEmptyGroup);
  Slot* slots_ = nullptr;
  size_t alloc_bytes_ = 0;
  size_t capacity_ = 0;
  size_t group_mask_ = 0;
  size_t size_ = 0;
  size_t growth_left_ = 0;
  size_t tombstones_ = 0;
  size_t garbage_bytes_ = 0;
  StringPool pool_;
  [[no_unique_address]] Hash hash_;
  [[no_unique_address]] Eq eq_;
};

}  // namespace streamc
