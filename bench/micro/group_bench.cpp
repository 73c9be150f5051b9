// Records/s of GROUP BY's state: a record into its group (find_group on the
// group table, keyed as generated code keys it: a (is NULL, value) tuple)
// and the accumulators' add, at 100, 10K and 1M groups; and each
// accumulator's add alone. Keys follow a fixed-seed random sequence, so 1M
// groups miss the cache as a real high-cardinality GROUP BY does. Every
// group exists before the timing starts: the steady state of a long input.
//
//   streamc_group_bench --benchmark_min_time=0.2
//
// The group struct is what the planner makes for W4 (MIN, AVG, MAX of a
// DECIMAL(3,1)) and for W5 (COUNT, SUM, AVG, MIN, MAX).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "streamc/accumulators.h"
#include "streamc/groups.h"
#include "streamc/hash_table.h"

namespace {

using namespace streamc;

// W4's group: MIN, AVG, MAX of a DECIMAL(3,1) (tenths in an int64_t).
struct StationGroup {
  Min<int64_t> a0;
  AvgDecimal<1, 6> a1;
  Max<int64_t> a2;
  uint64_t seq = 0;
  bool emitted = false;
};
template <class F>
void visit_strings(StationGroup&, F&&) {}

// W5's group: COUNT(*), SUM(quantity), AVG(price), MIN(price), MAX(price).
struct BarGroup {
  Count a0;
  Sum<int64_t> a1;
  AvgDecimal<2, 6> a2;
  Min<int64_t> a3;
  Max<int64_t> a4;
  uint64_t seq = 0;
  bool emitted = false;
};
template <class F>
void visit_strings(BarGroup&, F&&) {}

constexpr size_t kRecords = size_t{1} << 20;  // cycled through

// Group keys like station names ("station_123456"), records drawn uniformly from `groups` of them.
std::vector<std::string> names(size_t groups) {
  std::vector<std::string> out;
  for (size_t i = 0; i < groups; ++i) out.push_back("station_" + std::to_string(i * 7919 % 1000003));
  return out;
}

std::vector<uint32_t> draws(size_t groups) {
  std::mt19937_64 rng(42);
  std::vector<uint32_t> out(kRecords);
  for (auto& d : out) d = static_cast<uint32_t>(rng() % groups);
  return out;
}

void BM_GroupByVarchar(benchmark::State& state) {
  const size_t groups = static_cast<size_t>(state.range(0));
  const std::vector<std::string> keys = names(groups);
  const std::vector<uint32_t> order = draws(groups);
  HashTable<std::tuple<bool, std::string_view>, StationGroup> table;
  for (size_t k = 0; k < groups; ++k) find_group(table, {false, keys[k]});  // every group exists: the steady state
  size_t i = 0;
  for (auto _ : state) {
    const uint32_t k = order[i++ & (kRecords - 1)];
    StationGroup& g = find_group(table, {false, keys[k]});
    const int64_t t = static_cast<int64_t>(k % 1999) - 999;
    g.a0.add(t);
    benchmark::DoNotOptimize(g.a1.add(t));
    g.a2.add(t);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["groups"] = static_cast<double>(table.size());
  state.counters["bytes_per_group"] = static_cast<double>(table.memory_bytes()) / static_cast<double>(table.size());
}
BENCHMARK(BM_GroupByVarchar)->Arg(100)->Arg(10000)->Arg(1000000);

void BM_GroupByBigint(benchmark::State& state) {
  const size_t groups = static_cast<size_t>(state.range(0));
  const std::vector<uint32_t> order = draws(groups);
  HashTable<std::tuple<bool, int64_t>, BarGroup> table;
  for (size_t k = 0; k < groups; ++k) find_group(table, {false, static_cast<int64_t>(k) * 2654435761});
  size_t i = 0;
  for (auto _ : state) {
    const uint32_t k = order[i++ & (kRecords - 1)];
    BarGroup& g = find_group(table, {false, static_cast<int64_t>(k) * 2654435761});
    const int64_t price = 10000 + k % 5000;
    g.a0.add();
    benchmark::DoNotOptimize(g.a1.add(k % 100));
    benchmark::DoNotOptimize(g.a2.add(price));
    g.a3.add(price);
    g.a4.add(price);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["groups"] = static_cast<double>(table.size());
  state.counters["bytes_per_group"] = static_cast<double>(table.memory_bytes()) / static_cast<double>(table.size());
}
BENCHMARK(BM_GroupByBigint)->Arg(100)->Arg(10000)->Arg(1000000);

// One accumulator's add, over values it cannot predict.
template <class Acc, class T>
void add_values(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::vector<T> values(4096);
  for (auto& v : values) v = static_cast<T>(rng() % 100000);
  Acc acc;
  size_t i = 0;
  for (auto _ : state) {
    if constexpr (std::is_same_v<decltype(acc.add(values[0])), bool>) {
      benchmark::DoNotOptimize(acc.add(values[i++ & 4095]));
    } else {
      acc.add(values[i++ & 4095]);
    }
    benchmark::ClobberMemory();
  }
  benchmark::DoNotOptimize(acc.result());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
void BM_SumBigint(benchmark::State& s) { add_values<Sum<int64_t>, int64_t>(s); }
void BM_SumDecimal(benchmark::State& s) { add_values<Sum<i128>, int64_t>(s); }
void BM_AvgDouble(benchmark::State& s) { add_values<Avg, double>(s); }
void BM_AvgDecimal(benchmark::State& s) { add_values<AvgDecimal<2, 6>, int64_t>(s); }
void BM_MinBigint(benchmark::State& s) { add_values<Min<int64_t>, int64_t>(s); }
void BM_StddevSamp(benchmark::State& s) { add_values<Spread<SpreadKind::StddevSamp>, double>(s); }
BENCHMARK(BM_SumBigint);
BENCHMARK(BM_SumDecimal);
BENCHMARK(BM_AvgDouble);
BENCHMARK(BM_AvgDecimal);
BENCHMARK(BM_MinBigint);
BENCHMARK(BM_StddevSamp);

// AvgDecimal's result: one 64-bit division when the scaled sum fits.
void BM_AvgDecimalResult(benchmark::State& state) {
  AvgDecimal<2, 6> acc;
  for (int i = 0; i < 37; ++i) benchmark::DoNotOptimize(acc.add(12345 + i));
  for (auto _ : state) {
    benchmark::DoNotOptimize(acc.result());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_AvgDecimalResult);

}  // namespace

BENCHMARK_MAIN();
