// The per-record arena's blocks.
#include "streamc/arena.h"

#include <algorithm>

namespace streamc {

Arena::Arena(size_t block_size) : block_size_(std::max<size_t>(block_size, 64)) {}

size_t Arena::capacity() const {
  size_t total = 0;
  for (const Block& b : blocks_) total += b.size;
  return total;
}

void Arena::use_block(size_t index) {
  pos_ = blocks_[index].data.get();
  end_ = pos_ + blocks_[index].size;
}

char* Arena::alloc_slow(size_t n) {
  // The tail of the current block is abandoned; reset() reclaims it.
  const size_t size = std::max(block_size_, n);
  blocks_.push_back(Block{std::make_unique_for_overwrite<char[]>(size), size});
  use_block(blocks_.size() - 1);
  char* p = pos_;
  pos_ += n;
  return p;
}

void Arena::reset() {
  if (blocks_.empty()) return;
  if (blocks_.size() > 1) {
    const size_t total = capacity();
    blocks_.clear();
    blocks_.push_back(Block{std::make_unique_for_overwrite<char[]>(total), total});
  }
  use_block(0);
}

}  // namespace streamc
