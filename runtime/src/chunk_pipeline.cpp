// ChunkPipeline: chunks of a mapped file parsed on several threads and consumed in order on one.
#include "streamc/chunk_pipeline.h"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace streamc {

unsigned available_cores() {
  cpu_set_t set;
  if (::sched_getaffinity(0, sizeof(set), &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

bool parse_thread_count(std::string_view text, unsigned& threads) {
  if (text.empty() || text == "auto") {
    threads = available_cores();
    return true;
  }
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n == 0) return false;
  threads = n;
  return true;
}

namespace {

enum class SlotState { Free, Preparing, Ready };

struct Slot {
  SlotState state = SlotState::Free;
  std::string_view chunk;
};

// The shared state of one run; every field is guarded by `mutex`.
class Schedule {
 public:
  Schedule(std::string_view text, size_t chunk_bytes, size_t slots, const ChunkPipeline::ChunkEnd& chunk_end)
      : text_(text), chunk_bytes_(chunk_bytes == 0 ? 1 : chunk_bytes), slots_(slots), chunk_end_(chunk_end) {}

  std::mutex mutex;
  std::condition_variable changed;
  bool stopped = false;

  // Whether a chunk can be taken now: input is left and its slot is free.
  bool claimable() const { return !stopped && cut_ < text_.size() && claimed_ < consumed_ + slots_.size(); }
  bool finished() const { return stopped || (cut_ == text_.size() && consumed_ == claimed_); }

  // Takes the next chunk (claimable() must hold): returns its slot.
  size_t claim() {
    size_t end = cut_ + chunk_bytes_;
    if (end >= text_.size()) {
      end = text_.size();
    } else if (chunk_end_) {
      end = std::min(text_.size(), std::max(end, chunk_end_(text_, cut_, end)));
    } else {
      const void* nl = std::memchr(text_.data() + end - 1, '\n', text_.size() - end + 1);
      end = nl == nullptr ? text_.size() : static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    const size_t slot = claimed_++ % slots_.size();
    slots_[slot] = {SlotState::Preparing, text_.substr(cut_, end - cut_)};
    cut_ = end;
    return slot;
  }
  void prepared(size_t slot) { slots_[slot].state = SlotState::Ready; }
  std::string_view chunk(size_t slot) const { return slots_[slot].chunk; }

  // The slot of the next chunk in input order when it is ready.
  bool next_ready(size_t& slot) const {
    if (consumed_ == claimed_) return false;
    slot = consumed_ % slots_.size();
    return slots_[slot].state == SlotState::Ready;
  }
  void consumed(size_t slot) {
    slots_[slot].state = SlotState::Free;
    ++consumed_;
  }

 private:
  std::string_view text_;
  size_t chunk_bytes_;
  std::vector<Slot> slots_;
  const ChunkPipeline::ChunkEnd& chunk_end_;
  size_t cut_ = 0;       // where the next chunk starts
  size_t claimed_ = 0;   // chunks taken so far (their sequence numbers)
  size_t consumed_ = 0;  // chunks consumed so far
};

void work(Schedule& s, unsigned thread, const ChunkPipeline::Prepare& prepare) {
  std::unique_lock lock(s.mutex);
  for (;;) {
    s.changed.wait(lock, [&] { return s.claimable() || s.finished(); });
    if (!s.claimable()) return;  // finished
    const size_t slot = s.claim();
    const std::string_view chunk = s.chunk(slot);
    lock.unlock();
    prepare(thread, slot, chunk);
    lock.lock();
    s.prepared(slot);
    s.changed.notify_all();
  }
}

}  // namespace

bool ChunkPipeline::run(std::string_view text, size_t chunk_bytes, unsigned threads, const Prepare& prepare,
                        const Consume& consume, const ChunkEnd& chunk_end) {
  if (threads == 0) threads = 1;
  const size_t chunks = chunk_bytes == 0 ? text.size() : text.size() / chunk_bytes + 1;
  if (chunks < threads) threads = static_cast<unsigned>(chunks == 0 ? 1 : chunks);
  Schedule s(text, chunk_bytes, slots_for(threads), chunk_end);
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(work, std::ref(s), t, std::cref(prepare));
    } catch (const std::system_error&) {
      break;  // fewer threads than asked for: the work is shared all the same
    }
  }
  bool ok = true;
  {
    std::unique_lock lock(s.mutex);
    while (!s.finished()) {
      size_t slot = 0;
      if (s.next_ready(slot)) {
        const std::string_view chunk = s.chunk(slot);
        lock.unlock();
        ok = consume(slot, chunk);
        lock.lock();
        s.consumed(slot);
        if (!ok) s.stopped = true;
        s.changed.notify_all();
      } else if (s.claimable()) {
        // The next chunk is still being prepared elsewhere: prepare a later one.
        const size_t mine = s.claim();
        const std::string_view chunk = s.chunk(mine);
        lock.unlock();
        prepare(0, mine, chunk);
        lock.lock();
        s.prepared(mine);
        s.changed.notify_all();
      } else {
        s.changed.wait(lock);
      }
    }
    s.stopped = true;
    s.changed.notify_all();
  }
  for (std::thread& t : helpers) t.join();
  return ok;
}

size_t csv_chunk_end(std::string_view text, size_t start, size_t target, char sep) {
  const char* d = text.data();
  const size_t n = text.size();
  // The first `c` in [from, to), or `to`: searches never run past what is needed.
  auto find = [&](char c, size_t from, size_t to) -> size_t {
    if (from >= to) return to;
    const void* p = std::memchr(d + from, c, to - from);
    return p == nullptr ? to : static_cast<size_t>(static_cast<const char*>(p) - d);
  };
  bool quoted = false;
  // A quote at q: opens a quoted field at a field's start, is "" or closes one inside it.
  auto step = [&](size_t q) -> size_t {
    if (!quoted) {
      quoted = q == start || d[q - 1] == sep || d[q - 1] == '\n';  // elsewhere it is text
      return q + 1;
    }
    if (q + 1 < n && d[q + 1] == '"') return q + 2;
    quoted = false;
    return q + 1;
  };
  size_t i = start;
  // Up to `target` only quotes change the state.
  for (size_t q; (q = find('"', i, target)) < target;) i = step(q);
  // Then the first newline outside quotes.
  for (i = std::max(i, target); i < n;) {
    if (quoted) {
      i = step(find('"', i, n));
      continue;
    }
    const size_t nl = find('\n', i, n);
    const size_t q = find('"', i, nl);
    if (q == nl) return nl == n ? n : nl + 1;
    i = step(q);
  }
  return n;
}

}  // namespace streamc
