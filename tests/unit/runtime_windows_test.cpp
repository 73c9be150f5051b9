// Time windows: which windows a record falls in, when it is late, and the
// order and moment windows close in (streamc/windows.h).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "streamc/accumulators.h"
#include "streamc/sessions.h"
#include "streamc/windows.h"

namespace streamc {
namespace {

struct Group {
  int64_t n = 0;
  uint64_t seq = 0;
};
template <class F>
void visit_strings(Group&, F&&) {}
bool merge(Group& into, const Group& from) {
  into.n += from.n;
  return into.n < 1000;  // a stand-in for a SUM that overflows
}

using Key = std::tuple<bool, int64_t>;
using Windows = WindowGroups<Key, Group>;

struct FakeProgram {
  void begin_record() {}
  std::string_view error() const { return "boom"; }
  Step fail(const char*) { return Step::Error; }
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

// CUMULATE(step 10, size 30): windows [0, 10), [0, 20), [0, 30), then [30, 40), ...
TEST(Windows, CumulatingWindowsGrowFromTheirPeriodsStart) {
  Windows w(30, 10, 0, 0, /*cumulate=*/true);
  auto ends_of = [&](int64_t t) {
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const WindowBounds b : w.windows_of(t)) out.emplace_back(b.start, b.end);
    return out;
  };
  using Bounds = std::vector<std::pair<int64_t, int64_t>>;
  EXPECT_EQ(ends_of(0), (Bounds{{0, 10}, {0, 20}, {0, 30}}));
  EXPECT_EQ(ends_of(15), (Bounds{{0, 20}, {0, 30}}));
  EXPECT_EQ(ends_of(29), (Bounds{{0, 30}}));
  EXPECT_EQ(ends_of(-1), (Bounds{{-30, 0}}));
  std::vector<std::pair<int64_t, int64_t>> closed;  // (start, key * 1000 + count) as windows close
  ASSERT_TRUE(add(w, 1, 5, closed));
  ASSERT_TRUE(add(w, 1, 12, closed));   // closes [0, 10): one record
  EXPECT_EQ(closed, (Bounds{{0, 1001}}));
  EXPECT_EQ(ends_of(5), (Bounds{{0, 20}, {0, 30}}));  // the closed window is passed over
  ASSERT_TRUE(add(w, 1, 5, closed));    // out of order: only the open windows count it
  ASSERT_TRUE(add(w, 2, 31, closed));   // closes [0, 20) and [0, 30)
  EXPECT_EQ(closed, (Bounds{{0, 1001}, {0, 1003}, {0, 1003}}));
  EXPECT_FALSE(add(w, 1, 29, closed));  // every window of 29 has closed: late
  EXPECT_EQ(w.open_windows(), 3u);      // [30, 40), [30, 50), [30, 60)
  FakeProgram program;
  ASSERT_TRUE(w.close_all(program, [&](WindowBounds b, const Key& key, Group& g) {
    closed.emplace_back(b.end, std::get<1>(key) * 1000 + g.n);
    return Step::Next;
  }));
  EXPECT_EQ(closed, (Bounds{{0, 1001}, {0, 1003}, {0, 1003}, {40, 2001}, {50, 2001}, {60, 2001}}));
}

// COUNT(DISTINCT) in windows: a value is new once per window, and a closed
// window's values are freed.
TEST(Windows, DistinctValuesArePerWindowAndFreedWhenItCloses) {
  Windows w(10, 10, 0, 0);
  WindowDistinct<std::tuple<int64_t, int64_t>> seen;
  std::vector<std::pair<int64_t, int64_t>> closed;
  EXPECT_TRUE(seen.insert_new({10, 7}, 10));
  EXPECT_FALSE(seen.insert_new({10, 7}, 10));  // the same value in the same window
  EXPECT_TRUE(seen.insert_new({20, 7}, 20));   // again in the next one
  ASSERT_TRUE(add(w, 1, 5, closed));
  seen.sweep(w);
  EXPECT_EQ(seen.size(), 2u);                  // nothing has closed
  ASSERT_TRUE(add(w, 1, 12, closed));          // [0, 10) closes
  seen.sweep(w);
  EXPECT_EQ(seen.size(), 1u);
  EXPECT_TRUE(seen.insert_new({30, 7}, 30));
  ASSERT_TRUE(add(w, 1, 35, closed));          // [10, 20) and [20, 30) close
  seen.sweep(w);
  EXPECT_EQ(seen.size(), 1u);                  // only [30, 40)'s
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

using Sessions = SessionGroups<std::tuple<bool, std::string_view>, Group>;

struct SessionLog {
  std::vector<std::string> lines;  // "close k [start, end) n" and "retract k [start, end) n"
  static std::string line(const char* what, WindowBounds b, const std::tuple<bool, std::string_view>& key,
                          const Group& g) {
    return std::string(what) + " " + std::string(std::get<1>(key)) + " [" + std::to_string(b.start) + ", " +
           std::to_string(b.end) + ") " + std::to_string(g.n);
  }
};

// A record of key `k` at `t`; false when late.
bool click(Sessions& s, std::string k, int64_t t, SessionLog& log) {
  FakeProgram program;
  Group* g = nullptr;
  WindowBounds b{};
  const std::tuple<bool, std::string_view> key{false, k};  // a view of a transient buffer
  EXPECT_EQ(s.assign(program, t, key, g, b, [&](WindowBounds old, const auto& key, Group& group) {
    log.lines.push_back(SessionLog::line("retract", old, key, group));
    return Step::Next;
  }), Step::Next);
  k.assign(k.size(), '#');  // the sessions keep their own copy of the key
  if (!g) return false;
  g->n += 1;
  s.advance(t, [&](WindowBounds w, const auto& key, Group& group) {
    log.lines.push_back(SessionLog::line("close", w, key, group));
    return Step::Next;
  });
  return true;
}

TEST(Sessions, ExtendMergeAndCloseInEndOrder) {
  Sessions s(10, 0, 20);  // gap 10, the watermark 20 behind
  SessionLog log;
  EXPECT_TRUE(click(s, "u1", 0, log));    // u1 [0, 10)
  EXPECT_TRUE(click(s, "u1", 5, log));    // extends it: [0, 15)
  EXPECT_TRUE(click(s, "u2", 6, log));    // u2 [6, 16)
  EXPECT_TRUE(click(s, "u1", 20, log));   // a new session: [20, 30)
  EXPECT_TRUE(click(s, "u1", 12, log));   // [12, 22) bridges [0, 15) and [20, 30): [0, 30)
  EXPECT_EQ(s.size(), 2u);
  EXPECT_TRUE(click(s, "u2", 70, log));   // watermark 50: u2 [6, 16) then u1 [0, 30) close
  EXPECT_FALSE(click(s, "u1", 35, log));  // [35, 45) would be closed already: late
  EXPECT_TRUE(click(s, "u2", 62, log));   // joins u2's open session [70, 80): [62, 80)
  FakeProgram program;
  EXPECT_TRUE(s.close_all(program, [&](WindowBounds w, const auto& key, Group& group) {
    log.lines.push_back(SessionLog::line("close", w, key, group));
    return Step::Next;
  }));
  const std::vector<std::string> want = {
      "retract u1 [0, 10) 1",   // its end moves
      "retract u1 [20, 30) 1",  // the session found first moves...
      "retract u1 [0, 15) 2",   // ...and the one it bridges to merges into it
      "close u2 [6, 16) 1",
      "close u1 [0, 30) 4",
      "retract u2 [70, 80) 1",
      "close u2 [62, 80) 2",
  };
  EXPECT_EQ(log.lines, want);
  EXPECT_EQ(s.size(), 0u);
}

TEST(Sessions, AMergeThatOverflowsFailsTheRecord) {
  Sessions s(10, 0, 100);
  SessionLog log;
  FakeProgram program;
  Group* g = nullptr;
  WindowBounds b{};
  auto none = [](WindowBounds, const auto&, Group&) { return Step::Next; };
  const std::tuple<bool, std::string_view> key{false, "k"};
  ASSERT_EQ(s.assign(program, 0, key, g, b, none), Step::Next);
  g->n = 600;
  ASSERT_EQ(s.assign(program, 15, key, g, b, none), Step::Next);
  g->n = 600;
  EXPECT_EQ(s.assign(program, 8, key, g, b, none), Step::Error);  // bridges the two
}

// A session's group keeps texts of its own (MIN of a VARCHAR): they outlive
// the records, survive merges, and stay right while closed sessions' texts
// are compacted away.
struct TextGroup {
  Min<std::string_view> lowest;
  uint64_t seq = 0;
};
template <class F>
void visit_strings(TextGroup& g, F&& f) {
  f(g.lowest.value);
}
bool merge(TextGroup& into, const TextGroup& from) { return into.lowest.merge(from.lowest); }

TEST(Sessions, GroupsKeepTheirOwnTextsThroughMergesAndCompaction) {
  SessionGroups<std::tuple<bool, int64_t>, TextGroup> s(10, 0, 100);  // gap 10, the watermark 100 behind
  FakeProgram program;
  std::vector<std::string> closed;
  auto on_close = [&](WindowBounds, const auto&, TextGroup& g) {
    closed.emplace_back(g.lowest.result());
    return Step::Next;
  };
  auto record = [&](int64_t key, int64_t t, std::string text) {
    TextGroup* g = nullptr;
    WindowBounds b{};
    ASSERT_EQ(s.assign(program, t, {false, key}, g, b, [](WindowBounds, const auto&, TextGroup&) { return Step::Next; }),
              Step::Next);
    ASSERT_NE(g, nullptr);
    if (g->lowest.takes(text)) g->lowest.set(s.own(text, g->lowest.value));
    text.assign(text.size(), '#');  // the record's buffer is reused
    s.advance(t, on_close);
  };
  // Two sessions of key 1, [0, 10) and [15, 25), that a third record bridges: the lowest of all three.
  record(1, 0, "m");
  record(1, 15, "z");
  record(1, 8, "k");
  // Thousands of sessions, each with a long text, closing as time moves: the pool is compacted.
  for (int64_t i = 0; i < 3000; ++i) record(2 + i, 100 + 20 * i, std::string(100, static_cast<char>('a' + i % 26)));
  ASSERT_TRUE(s.close_all(program, on_close));
  ASSERT_EQ(closed.size(), 1u + 3000u);
  EXPECT_EQ(closed[0], "k");
  for (int64_t i = 0; i < 3000; ++i) {
    ASSERT_EQ(closed[1 + i], std::string(100, static_cast<char>('a' + i % 26))) << i;
  }
  EXPECT_LT(s.memory_bytes(), size_t{1} << 20);
}

}  // namespace
}  // namespace streamc
