// Lookups/s of the join hash table (W3: one probe per stream record into a
// table of 100K or 1M rows) against std::unordered_map, for BIGINT ids and
// VARCHAR ids like "u0123456", hits and misses, through find(), find_batch()
// in batches of 16 and 64, and unordered_map::find. Probe keys follow a
// fixed-seed random sequence, so a 1M-row table misses the cache.
//
//   streamc_micro_bench --benchmark_min_time=0.2
//
// Tables are loaded as from a file of unknown length (no reserve), so 1M rows
// sit in 2^21 slots (48% full) and 100K rows in 2^17 (76%). Rows are
// {tier VARCHAR, risk_score INT, nulls}; each probe that hits reads
// risk_score. bytes_per_entry: HashTable::memory_bytes() / size(), which
// includes the owned copies of the tier strings (and of keys longer than 12
// bytes: none here); for std::unordered_map the bytes its allocator was asked
// for (buckets and nodes, not malloc's own headers), whose tier views point at
// literals it does not own.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "streamc/hash_table.h"

namespace {

struct BenchRow {
  std::string_view tier;
  int32_t risk_score;
  uint64_t nulls;
};
template <class F>
void visit_strings(BenchRow& r, F&& f) {
  f(r.tier);
}

constexpr std::string_view kTiers[] = {"basic", "gold", "premium", "enterprise"};
constexpr size_t kProbeCount = size_t{1} << 20;  // cycled; a power of two
constexpr size_t kPerIteration = 4096;            // lookups per benchmark iteration
constexpr size_t kAhead = 64;                     // probe keys warmed this far ahead

// A stream record is in cache when its key is probed (it was just parsed);
// the probe arrays here are not, so every variant warms its keys kAhead
// probes early, leaving the table's own misses to be measured.
inline void warm(const int64_t* k) { __builtin_prefetch(k + kAhead); }
inline void warm(const std::string_view* k) {
  __builtin_prefetch(k + 2 * kAhead);
  __builtin_prefetch(k[kAhead].data());
}

// The bytes a container asked for, live.
inline size_t g_allocated = 0;
template <class T>
struct CountingAllocator {
  using value_type = T;
  CountingAllocator() = default;
  template <class U>
  CountingAllocator(const CountingAllocator<U>&) {}
  T* allocate(size_t n) {
    g_allocated += n * sizeof(T);
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, size_t n) {
    g_allocated -= n * sizeof(T);
    std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const CountingAllocator<U>&) const {
    return true;
  }
};

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// BIGINT ids 1..N; misses probe N+1..2N.
struct IntKeys {
  using Key = int64_t;
  using Map = std::unordered_map<int64_t, BenchRow, std::hash<int64_t>, std::equal_to<>,
                                 CountingAllocator<std::pair<const int64_t, BenchRow>>>;
  std::vector<Key> keys;
  // The keys for ids[i] + offset, in that order.
  void make(const std::vector<size_t>& ids, size_t offset) {
    keys.clear();
    for (size_t id : ids) keys.push_back(static_cast<int64_t>(id + offset + 1));
  }
};

// VARCHAR ids "u0000000"...; misses probe the next N numbers. The texts lie
// one after another in probe order, as keys in consecutive stream records do.
struct StringKeys {
  using Key = std::string_view;
  using Map = std::unordered_map<std::string, BenchRow, StringViewHash, std::equal_to<>,
                                 CountingAllocator<std::pair<const std::string, BenchRow>>>;
  std::string text;
  std::vector<Key> keys;
  void make(const std::vector<size_t>& ids, size_t offset) {
    text.assign(ids.size() * 8, ' ');
    keys.clear();
    char buf[16];
    for (size_t i = 0; i < ids.size(); ++i) {
      std::snprintf(buf, sizeof buf, "u%07zu", ids[i] + offset);
      text.replace(i * 8, 8, buf, 8);
    }
    for (size_t i = 0; i < ids.size(); ++i) keys.emplace_back(text.data() + i * 8, 8);
  }
};

template <class K>
struct Fixture {
  using Key = typename K::Key;
  streamc::HashTable<Key, BenchRow> table;
  typename K::Map map;
  size_t map_bytes = 0;
  K hits;
  K misses;

  explicit Fixture(size_t rows) {
    std::vector<size_t> ids(rows);
    for (size_t i = 0; i < rows; ++i) ids[i] = i;
    K table_keys;  // a transient buffer, as a table file's would be
    table_keys.make(ids, 0);
    for (size_t i = 0; i < rows; ++i) {
      const BenchRow row{kTiers[i % 4], static_cast<int32_t>(i), 0};
      table.upsert(table_keys.keys[i], row);
      map.emplace(typename K::Map::key_type(table_keys.keys[i]), row);
    }
    map_bytes = g_allocated;
    std::mt19937_64 rng(20250927);
    ids.resize(kProbeCount);
    for (size_t& id : ids) id = rng() % rows;
    // Padded so that warm() stays inside the arrays at the end of a cycle.
    ids.insert(ids.end(), ids.begin(), ids.begin() + 2 * kAhead);
    hits.make(ids, 0);
    misses.make(ids, rows);
  }

  static Fixture& get(size_t rows) {
    static std::map<size_t, std::unique_ptr<Fixture>> cache;
    auto& f = cache[rows];
    if (!f) {
      g_allocated = 0;
      f = std::make_unique<Fixture>(rows);
    }
    return *f;
  }
  const std::vector<Key>& probes(bool hit) const { return hit ? hits.keys : misses.keys; }
};

template <class K>
void BM_HashTableFind(benchmark::State& state) {
  auto& f = Fixture<K>::get(static_cast<size_t>(state.range(0)));
  const auto& probes = f.probes(state.range(1) != 0);
  size_t pos = 0;
  uint64_t sum = 0;
  for (auto _ : state) {
    const auto* keys = probes.data() + pos;
    for (size_t i = 0; i < kPerIteration; ++i) {
      warm(keys + i);
      const BenchRow* r = f.table.find(keys[i]);
      sum += r ? static_cast<uint64_t>(r->risk_score) : 1;
    }
    pos = (pos + kPerIteration) & (kProbeCount - 1);
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPerIteration));
  state.counters["bytes_per_entry"] = static_cast<double>(f.table.memory_bytes()) / f.table.size();
}

template <class K>
void BM_HashTableFindBatch(benchmark::State& state) {
  auto& f = Fixture<K>::get(static_cast<size_t>(state.range(0)));
  const auto& probes = f.probes(state.range(1) != 0);
  const auto batch = static_cast<size_t>(state.range(2));
  const BenchRow* out[64];
  size_t pos = 0;
  uint64_t sum = 0;
  for (auto _ : state) {
    const auto* keys = probes.data() + pos;
    for (size_t i = 0; i < kPerIteration; i += batch) {
      for (size_t j = 0; j < batch; ++j) warm(keys + i + j);
      f.table.find_batch(keys + i, batch, out);
      for (size_t j = 0; j < batch; ++j) {
        sum += out[j] ? static_cast<uint64_t>(out[j]->risk_score) : 1;
      }
    }
    pos = (pos + kPerIteration) & (kProbeCount - 1);
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPerIteration));
  state.counters["bytes_per_entry"] = static_cast<double>(f.table.memory_bytes()) / f.table.size();
}

template <class K>
void BM_UnorderedMapFind(benchmark::State& state) {
  auto& f = Fixture<K>::get(static_cast<size_t>(state.range(0)));
  const auto& probes = f.probes(state.range(1) != 0);
  size_t pos = 0;
  uint64_t sum = 0;
  for (auto _ : state) {
    const auto* keys = probes.data() + pos;
    for (size_t i = 0; i < kPerIteration; ++i) {
      warm(keys + i);
      const auto it = f.map.find(keys[i]);
      sum += it != f.map.end() ? static_cast<uint64_t>(it->second.risk_score) : 1;
    }
    pos = (pos + kPerIteration) & (kProbeCount - 1);
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPerIteration));
  state.counters["bytes_per_entry"] = static_cast<double>(f.map_bytes) / f.map.size();
}

#define STREAMC_TABLE_BENCH(KEYS)                                                  \
  BENCHMARK_TEMPLATE(BM_HashTableFind, KEYS)                                       \
      ->ArgNames({"rows", "hit"})                                                  \
      ->ArgsProduct({{100000, 1000000}, {1, 0}});                                  \
  BENCHMARK_TEMPLATE(BM_HashTableFindBatch, KEYS)                                  \
      ->ArgNames({"rows", "hit", "batch"})                                         \
      ->ArgsProduct({{100000, 1000000}, {1, 0}, {16, 64}});                        \
  BENCHMARK_TEMPLATE(BM_UnorderedMapFind, KEYS)                                    \
      ->ArgNames({"rows", "hit"})                                                  \
      ->ArgsProduct({{100000, 1000000}, {1, 0}})

STREAMC_TABLE_BENCH(IntKeys);
STREAMC_TABLE_BENCH(StringKeys);

}  // namespace

BENCHMARK_MAIN();
