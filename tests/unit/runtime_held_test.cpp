// name: runtime held records
// description: HeldRing and HeldRecords (held.h), the records a pipeline with
// LEADs holds per partition: a ring of N slots oldest first, full at N;
// partitions by key (a NULL key one of them); a flush at end of input writes
// what is still held in arrival order across partitions, stops at a failure
// and leaves nothing held; held strings are the records' own; a ring of
// N = 0 holds every record; PERCENT_RANK, CUME_DIST and NTILE over a whole
// partition as SQL defines them
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "streamc/held.h"

namespace streamc {
namespace {

struct Entry {
  std::string name;
  int64_t value = 0;
};

using Key = std::tuple<bool, std::string_view>;
using Records = HeldRecords<Key, Entry, 3>;

TEST(HeldRing, OldestFirstAndFullAtN) {
  HeldRing<Entry, 3> ring;
  EXPECT_EQ(ring.held(), 0u);
  ring.push(0).value = 10;
  ring.push(1).value = 11;
  EXPECT_FALSE(ring.full());
  ring.push(2).value = 12;
  EXPECT_TRUE(ring.full());
  EXPECT_EQ(ring.at(0).value, 10);
  EXPECT_EQ(ring.at(2).value, 12);
  ring.pop();
  ring.push(3).value = 13;  // reuses the slot of the record written
  EXPECT_EQ(ring.held(), 3u);
  EXPECT_EQ(ring.at(0).value, 11);
  EXPECT_EQ(ring.at(2).value, 13);
  EXPECT_EQ(ring.arrival(0), 1u);
  EXPECT_EQ(ring.arrival(2), 3u);
}

TEST(HeldRecords, PartitionsByKeyWithNullOne) {
  Records records;
  Entry* slot = nullptr;
  auto& a = records.arrive(Key(false, "a"), slot);
  slot->value = 1;
  auto& null = records.arrive(Key(true, ""), slot);
  slot->value = 2;
  auto& again = records.arrive(Key(false, "a"), slot);
  slot->value = 3;
  EXPECT_EQ(&a, &again);
  EXPECT_NE(&a, &null);
  EXPECT_EQ(records.size(), 2u);
  EXPECT_EQ(a.held(), 2u);
  EXPECT_EQ(a.at(1).value, 3);
  EXPECT_EQ(null.held(), 1u);
}

TEST(HeldRecords, FlushWritesInArrivalOrderAndEmpties) {
  Records records;
  Entry* slot = nullptr;
  const char* keys[] = {"a", "b", "a", "c", "b"};
  for (int i = 0; i < 5; ++i) {
    records.arrive(Key(false, keys[i]), slot);
    slot->name = std::string("record ") + keys[i];  // owned by the slot, not a view of a buffer
    slot->value = i;
  }
  std::vector<std::pair<int64_t, size_t>> written;  // value, place in its ring
  EXPECT_EQ(records.flush([&](const Records::Ring& ring, size_t i) {
              written.push_back({ring.at(i).value, i});
              return Step::Next;
            }),
            Step::Next);
  const std::vector<std::pair<int64_t, size_t>> expected = {{0, 0}, {1, 0}, {2, 1}, {3, 0}, {4, 1}};
  EXPECT_EQ(written, expected);
  written.clear();
  records.flush([&](const Records::Ring& ring, size_t i) {
    written.push_back({ring.at(i).value, i});
    return Step::Next;
  });
  EXPECT_TRUE(written.empty());
}

TEST(HeldRecords, FlushStopsAtAFailure) {
  Records records;
  Entry* slot = nullptr;
  for (int i = 0; i < 3; ++i) {
    records.arrive(Key(false, "a"), slot);
    slot->value = i;
  }
  int calls = 0;
  EXPECT_EQ(records.flush([&](const Records::Ring&, size_t) { return ++calls == 2 ? Step::Error : Step::Next; }),
            Step::Error);
  EXPECT_EQ(calls, 2);
}

TEST(HeldRecords, KeepsStringsOfSlotsItReuses) {
  Records records;
  Entry* slot = nullptr;
  auto& ring = records.arrive(Key(false, "a"), slot);
  {
    std::string transient = "first venue";
    slot->name = transient;
  }
  records.arrive(Key(false, "a"), slot);
  slot->name = "second";
  EXPECT_EQ(ring.at(0).name, "first venue");
  EXPECT_EQ(ring.at(1).name, "second");
}

TEST(HeldRing, ZeroHoldsEveryRecordAndNeverFills) {
  HeldRing<Entry, 0> ring;
  const Entry* first = &ring.push(0);
  for (int i = 1; i < 1000; ++i) ring.push(static_cast<uint64_t>(i)).value = i;
  EXPECT_FALSE(ring.full());
  EXPECT_EQ(ring.held(), 1000u);
  EXPECT_EQ(&ring.at(0), first);  // records do not move as more come
  EXPECT_EQ(ring.at(999).value, 999);
  EXPECT_EQ(ring.arrival(500), 500u);
}

// A partition ordered by 10, 20, 20, 30, 30, 30: RANK 1, 2, 2, 4, 4, 4.
HeldRing<Entry, 0> ranked() {
  HeldRing<Entry, 0> ring;
  for (int64_t rank : {1, 2, 2, 4, 4, 4}) ring.push(0).value = rank;
  return ring;
}

TEST(WholePartition, PercentRankIsRankMinusOneOverRowsMinusOne) {
  EXPECT_DOUBLE_EQ(percent_rank(1, 6), 0.0);
  EXPECT_DOUBLE_EQ(percent_rank(2, 6), 0.2);
  EXPECT_DOUBLE_EQ(percent_rank(4, 6), 0.6);
  EXPECT_DOUBLE_EQ(percent_rank(1, 1), 0.0);  // one row: 0, not 0 / 0
}

TEST(WholePartition, CumeDistCountsThroughTheLastPeer) {
  const auto ring = ranked();
  const auto rank_of = [](const Entry& e) { return e.value; };
  const double expected[] = {1.0 / 6, 3.0 / 6, 3.0 / 6, 1.0, 1.0, 1.0};
  for (size_t i = 0; i < 6; ++i) EXPECT_DOUBLE_EQ(cume_dist(ring, i, rank_of), expected[i]) << i;
  HeldRing<Entry, 0> one;
  one.push(0).value = 1;
  EXPECT_DOUBLE_EQ(cume_dist(one, 0, rank_of), 1.0);
}

TEST(WholePartition, NtileSplitsRowsLargerBucketsFirst) {
  std::vector<int64_t> got;
  for (size_t i = 0; i < 10; ++i) got.push_back(ntile(4, i, 10));
  EXPECT_EQ(got, (std::vector<int64_t>{1, 1, 1, 2, 2, 2, 3, 3, 4, 4}));  // 3, 3, 2, 2
  got.clear();
  for (size_t i = 0; i < 3; ++i) got.push_back(ntile(5, i, 3));
  EXPECT_EQ(got, (std::vector<int64_t>{1, 2, 3}));  // more buckets than rows: one row each
  EXPECT_EQ(ntile(1, 7, 8), 1);
}

}  // namespace
}  // namespace streamc
