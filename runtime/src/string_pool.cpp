// The string pool tables keep their rows' strings in.
#include "streamc/string_pool.h"

#include <algorithm>
#include <utility>

namespace streamc {

char* StringPool::alloc_slow(size_t n) {
  // A string longer than a quarter of a chunk gets a chunk of its own and the
  // open chunk stays open, so one long value wastes no tail.
  if (n > next_chunk_ / 4) {
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(n));
    reserved_ += n;
    return chunks_.back().get();
  }
  const size_t size = next_chunk_;
  next_chunk_ = std::min(next_chunk_ * 2, kMaxChunk);
  chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
  reserved_ += size;
  pos_ = chunks_.back().get();
  end_ = pos_ + size;
  char* p = pos_;
  pos_ += n;
  return p;
}

void StringPool::reserve(size_t n) {
  if (static_cast<size_t>(end_ - pos_) >= n) return;
  chunks_.push_back(std::make_unique_for_overwrite<char[]>(n));
  reserved_ += n;
  pos_ = chunks_.back().get();
  end_ = pos_ + n;
}

void StringPool::clear() {
  chunks_.clear();
  pos_ = end_ = nullptr;
  next_chunk_ = kMinChunk;
  used_ = reserved_ = 0;
}

void StringPool::swap(StringPool& other) noexcept {
  // A tuple of references swaps what they refer to: every member, listed once.
  auto members = [](StringPool& p) { return std::tie(p.chunks_, p.pos_, p.end_, p.next_chunk_, p.used_, p.reserved_); };
  auto mine = members(*this);
  auto theirs = members(other);
  mine.swap(theirs);
}

}  // namespace streamc
