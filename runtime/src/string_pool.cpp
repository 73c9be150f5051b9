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
  std::swap(chunks_, other.chunks_);
  std::swap(pos_, other.pos_);
  std::swap(end_, other.end_);
  std::swap(next_chunk_, other.next_chunk_);
  std::swap(used_, other.used_);
  std::swap(reserved_, other.reserved_);
}

}  // namespace streamc
