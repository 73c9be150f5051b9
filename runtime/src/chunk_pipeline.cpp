#include "streamc/chunk_pipeline.h"

#include <sched.h>

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
  Schedule(std::string_view text, size_t chunk_bytes, size_t slots)
      : text_(text), chunk_bytes_(chunk_bytes == 0 ? 1 : chunk_bytes), slots_(slots) {}

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
                        const Consume& consume) {
  if (threads == 0) threads = 1;
  const size_t chunks = chunk_bytes == 0 ? text.size() : text.size() / chunk_bytes + 1;
  if (chunks < threads) threads = static_cast<unsigned>(chunks == 0 ? 1 : chunks);
  Schedule s(text, chunk_bytes, slots_for(threads));
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

}  // namespace streamc
