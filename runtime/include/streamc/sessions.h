// Session windows of a GROUP BY: per key, runs of records no more than
// `gap` apart. A record at t opens [t, t + gap); sessions of its key that
// this overlaps merge with it into one, [first time, last time + gap), as
// Flink's session windows do. A session closes when the watermark reaches
// its end plus the grace period; a record that would only open a session
// already closed is late. Closing writes the session's group (EMIT FINAL)
// and frees it, so memory holds the open sessions only.
//
// The groups are merged by `merge(Group& into, const Group& from) -> bool`,
// which generated code writes next to the group struct (false: a SUM
// overflowed). Each session keeps its own copy of its key, and its group
// the strings it keeps (own()), in a pool compacted when most of it is
// garbage; a min-heap of session ends finds the sessions the watermark
// closes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <queue>
#include <string_view>
#include <utility>
#include <vector>

#include "streamc/hash_table.h"
#include "streamc/per_record.h"
#include "streamc/step.h"
#include "streamc/string_pool.h"
#include "streamc/windows.h"

namespace streamc {

// A key's first open session (an index in SessionGroups' sessions).
struct SessionHead {
  uint32_t first = UINT32_MAX;  // none
};
template <class F>
void visit_strings(SessionHead&, F&&) {}

template <class Key, class Group>
class SessionGroups {
 public:
  using KeyType = Key;
  using GroupType = Group;

  // gap, grace and delay (the watermark's out-of-orderness) in milliseconds.
  SessionGroups(int64_t gap, int64_t grace, int64_t delay) : gap_(gap), grace_(grace), watermark_(delay) {}

  // The session of `key` the record at `t` belongs to, after merging the
  // sessions it bridges: `group` and `bounds` are set, or `group` is null
  // when the record is late. A session whose bounds change, or that is
  // merged into another, is first passed to on_retract(old bounds, key,
  // group) (EMIT CHANGES writes a delete for it). Step::Error when a merge
  // overflows or on_retract fails.
  template <class Program, class OnRetract>
  STREAMC_PER_RECORD Step assign(Program& program, int64_t t, const Key& key, Group*& group, WindowBounds& bounds,
                                 OnRetract&& on_retract) {
    group = nullptr;
    SessionHead& head = heads_.find_or_insert(key);
    // The first open session of the key that [t, t + gap) overlaps, and
    // the bounds of all of them with the record.
    uint32_t into = kNone;
    int64_t start = t;
    int64_t last = t;
    for (uint32_t i = head.first; i != kNone; i = sessions_[i].next) {
      const Session& s = sessions_[i];
      if (!overlaps(s, t)) continue;
      if (into == kNone) into = i;
      start = std::min(start, s.start);
      last = std::max(last, s.last);
    }
    if (into == kNone) {
      const int64_t wm = watermark_.value();
      if (wm != kNoTime && t + gap_ + grace_ <= wm) {  // it would open a session already closed: late
        if (head.first == kNone) heads_.erase(key);
        return Step::Next;
      }
      into = open(t, key, head);
      heap_.push({t + gap_, sessions_[into].seq, into, sessions_[into].generation});
      group = &sessions_[into].group;
      bounds = bounds_of(sessions_[into]);
      return Step::Next;
    }
    // The record extends the first, and bridges it to the others: they merge into it.
    Session& target = sessions_[into];
    if (start != target.start || last != target.last) {
      if (on_retract(bounds_of(target), target.key, target.group) == Step::Error) return Step::Error;
    }
    for (uint32_t i = target.next; i != kNone;) {
      Session& other = sessions_[i];
      const uint32_t next = other.next;
      if (overlaps(other, t)) {
        if (on_retract(bounds_of(other), other.key, other.group) == Step::Error) return Step::Error;
        if (!merge(target.group, other.group)) return program.fail("integer or decimal overflow merging sessions");
        target.seq = std::min(target.seq, other.seq);
        unlink(head, i);
        release(i);
      }
      i = next;
    }
    const bool moved = last != target.last;
    target.start = start;
    target.last = last;
    if (moved) heap_.push({last + gap_, target.seq, into, target.generation});
    group = &target.group;
    bounds = bounds_of(target);
    return Step::Next;
  }

  // Event time `t` has been seen: the sessions the watermark now passes
  // close, in the order of their ends, through on_group(bounds, key, group).
  template <class OnGroup>
  STREAMC_PER_RECORD Step advance(int64_t t, OnGroup&& on_group) {
    if (!watermark_.advance(t)) return Step::Next;
    return close_until(watermark_.value(), on_group);
  }

  // The input has ended: every open session closes, in the order of their ends.
  template <class Program, class OnGroup>
  bool close_all(Program& program, OnGroup&& on_group) {
    return report_end_of_input(program, close_until(kEndOfInput, [&](WindowBounds w, const Key& key, Group& g) {
                                 program.begin_record();
                                 return on_group(w, key, g);
                               }));
  }

  // A copy of `s` in the sessions' pool, for a string a session's group
  // keeps and updates (MIN of a VARCHAR); `old`, the copy it replaces, is
  // garbage. Copies stay valid until a session closes.
  std::string_view own(std::string_view s, std::string_view old) {
    live_bytes_ += s.size();
    live_bytes_ -= std::min(live_bytes_, old.size());
    return strings_.intern_copy(s);
  }

  size_t size() const { return sessions_.size() - free_.size(); }
  size_t memory_bytes() const {
    return heads_.memory_bytes() + sessions_.capacity() * sizeof(Session) + free_.capacity() * sizeof(uint32_t) +
           heap_.size() * sizeof(HeapEntry) + strings_.bytes_reserved();
  }

 private:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  static constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();

  struct Session {
    Key key;             // its strings in strings_
    int64_t start;       // the first record's time
    int64_t last;        // the last record's time: the session ends at last + gap
    uint64_t seq;        // the order sessions opened in (ties of closing order)
    uint32_t next;       // the key's next open session
    uint32_t generation = 0;  // changes when the slot is reused: stale heap entries are skipped
    bool live;
    Group group;
  };
  struct HeapEntry {
    int64_t end;
    uint64_t seq;
    uint32_t index;
    uint32_t generation;
    bool operator>(const HeapEntry& o) const { return end != o.end ? end > o.end : seq > o.seq; }
  };

  WindowBounds bounds_of(const Session& s) const { return {s.start, s.last + gap_}; }
  // [t, t + gap) overlaps the session.
  bool overlaps(const Session& s, int64_t t) const { return t < s.last + gap_ && t + gap_ > s.start; }

  // A new session of `key` at `t`, first in its key's list.
  uint32_t open(int64_t t, const Key& key, SessionHead& head) {
    uint32_t index;
    if (!free_.empty()) {
      index = free_.back();
      free_.pop_back();
    } else {
      index = static_cast<uint32_t>(sessions_.size());
      sessions_.emplace_back();
    }
    Session& s = sessions_[index];
    s.key = key;
    visit_strings(s.key, [this](std::string_view& v) {
      v = strings_.intern_copy(v);
      live_bytes_ += v.size();
    });
    s.start = s.last = t;
    s.seq = next_seq_++;
    s.live = true;
    s.group = Group{};
    s.next = head.first;
    head.first = index;
    return index;
  }

  void release(uint32_t index) {
    Session& s = sessions_[index];
    auto gone = [this](std::string_view& v) { live_bytes_ -= std::min(live_bytes_, v.size()); };
    visit_strings(s.key, gone);
    visit_strings(s.group, gone);
    s.live = false;
    ++s.generation;
    free_.push_back(index);
  }

  static void unlink_from(std::vector<Session>& sessions, SessionHead& head, uint32_t index) {
    uint32_t* link = &head.first;
    while (*link != index) link = &sessions[*link].next;
    *link = sessions[index].next;
  }
  void unlink(SessionHead& head, uint32_t index) { unlink_from(sessions_, head, index); }

  template <class OnGroup>
  Step close_until(int64_t wm, OnGroup&& on_group) {
    while (!heap_.empty()) {
      const HeapEntry top = heap_.top();
      Session& s = sessions_[top.index];
      const bool current = s.live && s.generation == top.generation && s.last + gap_ == top.end;
      if (current && wm != kEndOfInput && top.end + grace_ > wm) break;
      heap_.pop();
      if (!current) continue;
      SessionHead& head = heads_.find_or_insert(s.key);
      unlink(head, top.index);
      const Step step = on_group(bounds_of(s), s.key, s.group);
      if (head.first == kNone) heads_.erase(s.key);
      release(top.index);
      if (step == Step::Error) return step;
    }
    compact_strings();
    return Step::Next;
  }

  // The pool holds closed sessions' strings and replaced copies too: copy
  // the live ones to a fresh pool once the garbage outweighs them. (A string
  // a merge took from the session it absorbed is not counted live: the pool
  // is then compacted a little early, never too late.)
  void compact_strings() {
    if (strings_.bytes_used() < 2 * live_bytes_ + 64 * 1024) return;
    StringPool fresh;
    auto move = [&](std::string_view& v) { v = fresh.intern_copy(v); };
    for (Session& s : sessions_) {
      if (!s.live) continue;
      visit_strings(s.key, move);
      visit_strings(s.group, move);
    }
    strings_.swap(fresh);
  }

  int64_t gap_;
  int64_t grace_;
  Watermark watermark_;
  HashTable<Key, SessionHead> heads_;
  std::vector<Session> sessions_;
  std::vector<uint32_t> free_;
  std::priority_queue<HeapEntry, std::vector<HeapEntry>, std::greater<HeapEntry>> heap_;
  StringPool strings_;     // the sessions' keys and the strings their groups keep
  size_t live_bytes_ = 0;
  uint64_t next_seq_ = 0;
};

}  // namespace streamc
