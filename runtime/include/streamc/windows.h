// Time windows of a GROUP BY: the groups of every open window, the
// watermark, and the closing of windows. Windows are [start, start + size),
// their starts multiples of `advance` since the epoch (advance = size:
// tumbling; advance < size: hopping, a record in size / advance windows);
// or, cumulating (Flink's CUMULATE), [start, start + k * advance) for k = 1
// .. size / advance, their starts multiples of size: a record falls in the
// windows of its period that end after it.
// The watermark is the largest event time seen minus the allowed
// out-of-orderness; a window closes once the watermark reaches its end plus
// the grace period, and a record is late when every window it falls in has
// closed. Closing writes the window's groups (EMIT FINAL: through
// on_group(bounds, key, group), in the order the groups first appeared in
// it) and frees them, so memory holds only the open windows.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string_view>
#include <utility>

#include "streamc/groups.h"
#include "streamc/hash_table.h"
#include "streamc/per_record.h"
#include "streamc/step.h"
#include "streamc/timestamp.h"

namespace streamc {

struct WindowBounds {
  int64_t start;
  int64_t end;
};

// The watermark once every stream has ended: past every window.
inline constexpr int64_t kEndOfInput = std::numeric_limits<int64_t>::max();

// The largest event time seen, less the out-of-orderness allowed.
class Watermark {
 public:
  explicit Watermark(int64_t delay) : delay_(delay) {}
  // Minus infinity until the first record.
  int64_t value() const { return max_time_ == kNone ? kNone : max_time_ - delay_; }
  // True when `t` moves the watermark.
  bool advance(int64_t t) {
    if (t <= max_time_) return false;
    max_time_ = t;
    return true;
  }

 private:
  static constexpr int64_t kNone = std::numeric_limits<int64_t>::min();
  int64_t max_time_ = kNone;
  int64_t delay_;
};

template <class Key, class Group>
class WindowGroups {
 public:
  using KeyType = Key;
  using GroupType = Group;

  // size, advance, grace and delay (the watermark's out-of-orderness) in
  // milliseconds; cumulate: the windows grow by `advance` up to `size`.
  WindowGroups(int64_t size, int64_t advance, int64_t grace, int64_t delay, bool cumulate = false)
      : size_(size), advance_(advance), grace_(grace), cumulate_(cumulate), watermark_(delay) {}

  // The open windows of event time `t` (an input iterator): hopping, latest
  // first; cumulating, the shortest first.
  class Range {
   public:
    struct End {};
    class Iterator {
     public:
      WindowBounds operator*() const { return {start_, end_}; }
      Iterator& operator++() {
        if (owner_->cumulate_) {
          end_ += owner_->advance_;
        } else {
          start_ -= owner_->advance_;
          end_ = start_ + owner_->size_;
        }
        return *this;
      }
      bool operator!=(End) const {
        if (owner_->cumulate_) return end_ <= start_ + owner_->size_;  // the closed ones were passed over
        return start_ > t_ - owner_->size_ && !owner_->closed(end_);
      }

     private:
      friend class Range;
      Iterator(const WindowGroups* owner, int64_t t, int64_t start, int64_t end)
          : owner_(owner), t_(t), start_(start), end_(end) {}
      const WindowGroups* owner_;
      int64_t t_;
      int64_t start_;
      int64_t end_;
    };
    Iterator begin() const {
      if (!owner_->cumulate_) {
        const int64_t start = floor_div(t_, owner_->advance_) * owner_->advance_;
        return {owner_, t_, start, start + owner_->size_};
      }
      const int64_t start = floor_div(t_, owner_->size_) * owner_->size_;
      int64_t end = start + (floor_div(t_ - start, owner_->advance_) + 1) * owner_->advance_;
      while (end <= start + owner_->size_ && owner_->closed(end)) end += owner_->advance_;
      return {owner_, t_, start, end};
    }
    End end() const { return {}; }

   private:
    friend class WindowGroups;
    Range(const WindowGroups* owner, int64_t t) : owner_(owner), t_(t) {}
    const WindowGroups* owner_;
    int64_t t_;
  };

  Range windows_of(int64_t t) const { return Range(this, t); }
  // Every window of `t` has closed: the record is late.
  bool late(int64_t t) const {
    if (cumulate_) return closed(floor_div(t, size_) * size_ + size_);
    return closed(floor_div(t, advance_) * advance_ + size_);
  }

  // The group of `key` in window `w`, created (numbered in the order the
  // window's groups appear) when new.
  STREAMC_PER_RECORD Group& find(WindowBounds w, const Key& key) {
    if (w.end != last_end_ || last_ == nullptr) {
      auto [it, fresh] = windows_.try_emplace(w.end);
      if (fresh) it->second = std::move(spare_);  // a closed window's table, its capacity kept
      last_ = &it->second;
      last_end_ = w.end;
    }
    return find_group(*last_, key);
  }

  // HashTable::own in the window found last (a group's MIN of a VARCHAR).
  std::string_view own(std::string_view s, std::string_view old) { return last_->own(s, old); }

  // Event time `t` has been seen: the windows the watermark now passes
  // close, in the order of their ends, each group through
  // on_group(bounds, key, group) -> Step; then they are freed. The first
  // failure stops it.
  template <class OnGroup>
  STREAMC_PER_RECORD Step advance(int64_t t, OnGroup&& on_group) {
    if (!watermark_.advance(t)) return Step::Next;
    if (windows_.empty() || !closed(windows_.begin()->first)) return Step::Next;
    return close_until(watermark_.value(), on_group);
  }

  // The input has ended: every open window closes, in the order of their
  // ends. A failure is printed and stops it.
  template <class Program, class OnGroup>
  bool close_all(Program& program, OnGroup&& on_group) {
    return report_end_of_input(program, close_until(kEndOfInput, [&](WindowBounds w, const Key& key, Group& g) {
                                 program.begin_record();
                                 return on_group(w, key, g);
                               }));
  }

  // Groups kept, over every open window, and their memory.
  size_t size() const {
    size_t n = 0;
    for (const auto& [end, groups] : windows_) n += groups.size();
    return n;
  }
  size_t memory_bytes() const {
    size_t n = spare_.memory_bytes();
    for (const auto& [end, groups] : windows_) n += groups.memory_bytes() + sizeof(groups) + 4 * sizeof(void*);
    return n;
  }
  size_t open_windows() const { return windows_.size(); }
  // The end of the window closed last: every window ending by then has closed.
  int64_t last_closed_end() const { return last_closed_end_; }

 private:
  using Groups = HashTable<Key, Group>;

  // Whether the window that ends at `end` has closed.
  bool closed(int64_t end) const {
    const int64_t wm = watermark_.value();
    return wm != std::numeric_limits<int64_t>::min() && end + grace_ <= wm;
  }
  // The start of the window that ends at `end`.
  int64_t start_of(int64_t end) const { return cumulate_ ? floor_div(end - 1, size_) * size_ : end - size_; }

  // Closes the windows whose end plus grace is at or before `wm`.
  template <class OnGroup>
  Step close_until(int64_t wm, OnGroup&& on_group) {
    while (!windows_.empty()) {
      auto first = windows_.begin();
      const WindowBounds w{start_of(first->first), first->first};
      if (wm != kEndOfInput && w.end + grace_ > wm) break;
      Groups groups = std::move(first->second);
      windows_.erase(first);
      last_ = nullptr;
      last_closed_end_ = w.end;
      const Step step = for_each_group_in_order(groups, [&](const Key& key, Group& g) { return on_group(w, key, g); });
      if (step == Step::Error) return step;
      groups.clear();
      spare_ = std::move(groups);
    }
    return Step::Next;
  }

  int64_t size_;
  int64_t advance_;
  int64_t grace_;
  bool cumulate_;
  Watermark watermark_;
  std::map<int64_t, Groups> windows_;  // by end, the order they close in
  int64_t last_end_ = 0;               // the window found last, kept for the next record
  Groups* last_ = nullptr;
  Groups spare_;                       // the table of the window closed last, empty, for the next one
  int64_t last_closed_end_ = std::numeric_limits<int64_t>::min();
};

// An entry of WindowDistinct: the end of its window.
struct WindowEnd {
  int64_t end = 0;
};
template <class F>
void visit_strings(WindowEnd&, F&&) {}

// COUNT(DISTINCT x) in windows: the (window end, group key, x) seen, each
// freed once its window has closed.
template <class Key>
class WindowDistinct {
 public:
  // True when `key` is new to the window that ends at `end`.
  STREAMC_PER_RECORD bool insert_new(const Key& key, int64_t end) {
    const size_t before = set_.size();
    set_.find_or_insert(key).end = end;
    return set_.size() != before;
  }
  // After the watermark moved: the entries of the windows that closed go.
  template <class Windows>
  void sweep(const Windows& windows) {
    const int64_t closed = windows.last_closed_end();
    if (closed == swept_) return;
    set_.erase_if([&](const WindowEnd& e) { return e.end <= closed; });
    swept_ = closed;
  }
  size_t size() const { return set_.size(); }
  size_t memory_bytes() const { return set_.memory_bytes(); }

 private:
  HashTable<Key, WindowEnd> set_;
  int64_t swept_ = std::numeric_limits<int64_t>::min();
};

}  // namespace streamc
