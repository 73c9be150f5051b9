// Time windows: which windows a record falls in, when it is late, and the
// order and moment windows close in (streamc/windows.h).
#include <gtest/gtest.h>

#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "streamc/windows.h"

namespace streamc {
namespace {

struct Group {
  int64_t n = 0;
  uint64_t seq = 0;
};
template <class F>
void visit_strings(Group&, F&&) {}

using Key = std::tuple<bool, int64_t>;
using Windows = WindowGroups<Key, Group>;

struct FakeProgram {
  void begin_record() {}
  std::string_view error() const { return "boom"; }
};

// A record of key `k` at `t` into every open window of t; false when late.
bool add(Windows& w, int64_t k, int64_t t, std::vector<std::pair<int64_t, int64_t>>& closed) {
  if (w.late(t)) return false;
  for (const WindowBounds b : w.windows_of(t)) w.find(b, {false, k}).n += 1;
  w.advance(t, [&](WindowBounds b, const Key& key, Group& g) {
    closed.emplace_back(b.start, std::get<1>(key) * 1000 + g.n);
    return Step::Next;
  });
  return true;
}

std::vector<int64_t> starts_of(const Windows& w, int64_t t) {
  std::vector<int64_t> out;
  for (const WindowBounds b : w.windows_of(t)) {
    EXPECT_EQ(b.end - b.start, 10);
    out.push_back(b.start);
  }
  return out;
}

TEST(Windows, TumblingAndHoppingStartsAreAlignedToTheEpoch) {
  Windows tumbling(10, 10, 0, 0);
  EXPECT_EQ(starts_of(tumbling, 0), (std::vector<int64_t>{0}));
  EXPECT_EQ(starts_of(tumbling, 9), (std::vector<int64_t>{0}));
  EXPECT_EQ(starts_of(tumbling, 10), (std::vector<int64_t>{10}));
  EXPECT_EQ(starts_of(tumbling, -1), (std::vector<int64_t>{-10}));  // before 1970: floor, not truncation
  Windows hopping(10, 5, 0, 0);
  EXPECT_EQ(starts_of(hopping, 12), (std::vector<int64_t>{10, 5}));  // latest first
  EXPECT_EQ(starts_of(hopping, 15), (std::vector<int64_t>{15, 10}));
  Windows thirds(10, 3, 0, 0);
  EXPECT_EQ(starts_of(thirds, 10), (std::vector<int64_t>{9, 6, 3}));
}

TEST(Windows, CloseWhenTheWatermarkPassesTheirEndInEndOrder) {
  Windows w(10, 10, 0, 5);  // the watermark 5 behind the latest event time
  std::vector<std::pair<int64_t, int64_t>> closed;
  EXPECT_TRUE(add(w, 1, 1, closed));
  EXPECT_TRUE(add(w, 2, 12, closed));  // watermark 7: [0, 10) stays open
  EXPECT_TRUE(add(w, 2, 8, closed));   // out of order, in time
  EXPECT_TRUE(closed.empty());
  EXPECT_EQ(w.open_windows(), 2u);
  EXPECT_TRUE(add(w, 1, 15, closed));  // watermark 10: [0, 10) closes
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_EQ(closed[0], (std::pair<int64_t, int64_t>{0, 1001}));  // first seen first
  EXPECT_EQ(closed[1], (std::pair<int64_t, int64_t>{0, 2001}));
  EXPECT_FALSE(add(w, 3, 9, closed));  // its window has closed: late
  EXPECT_EQ(w.open_windows(), 1u);
  FakeProgram program;
  EXPECT_TRUE(w.close_all(program, [&](WindowBounds b, const Key& key, Group& g) {
    closed.emplace_back(b.start, std::get<1>(key) * 1000 + g.n);
    return Step::Next;
  }));
  ASSERT_EQ(closed.size(), 4u);
  EXPECT_EQ(closed[2], (std::pair<int64_t, int64_t>{10, 2001}));
  EXPECT_EQ(closed[3], (std::pair<int64_t, int64_t>{10, 1001}));
  EXPECT_EQ(w.open_windows(), 0u);
  EXPECT_EQ(w.size(), 0u);
}

TEST(Windows, GraceKeepsAWindowOpenAfterItsEnd) {
  Windows w(10, 10, 3, 0);
  std::vector<std::pair<int64_t, int64_t>> closed;
  EXPECT_TRUE(add(w, 1, 5, closed));
  EXPECT_TRUE(add(w, 1, 12, closed));  // watermark 12 < 10 + 3
  EXPECT_TRUE(add(w, 1, 9, closed));   // still in time
  EXPECT_TRUE(closed.empty());
  EXPECT_TRUE(add(w, 1, 13, closed));  // watermark 13: [0, 10) closes with 2 records
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0], (std::pair<int64_t, int64_t>{0, 1002}));
  EXPECT_FALSE(add(w, 1, 0, closed));
}

TEST(Windows, AHoppingRecordIsLateOnlyWhenAllItsWindowsClosed) {
  Windows w(10, 5, 0, 0);
  std::vector<std::pair<int64_t, int64_t>> closed;
  EXPECT_TRUE(add(w, 1, 3, closed));   // [-5, 5) and [0, 10)
  EXPECT_TRUE(add(w, 1, 7, closed));   // watermark 7 closes [-5, 5)
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0], (std::pair<int64_t, int64_t>{-5, 1001}));
  EXPECT_TRUE(add(w, 1, 4, closed));   // [-5, 5) closed, [0, 10) open: counts once
  EXPECT_EQ(starts_of(w, 4), (std::vector<int64_t>{0}));
  EXPECT_TRUE(add(w, 1, 11, closed));  // watermark 11: [0, 10) closes with 3
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_EQ(closed[1], (std::pair<int64_t, int64_t>{0, 1003}));
  EXPECT_FALSE(add(w, 1, 4, closed));
}

TEST(Windows, AFailureStopsClosingAndIsReported) {
  Windows w(10, 10, 0, 0);
  std::vector<std::pair<int64_t, int64_t>> closed;
  for (int64_t k = 0; k < 3; ++k) add(w, k, 1, closed);
  FakeProgram program;
  int calls = 0;
  EXPECT_FALSE(w.close_all(program, [&](WindowBounds, const Key&, Group&) {
    ++calls;
    return Step::Error;
  }));
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace streamc
