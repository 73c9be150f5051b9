// Bump allocator for per-record strings (upper(), concat(), casts to text).
// Generated code calls reset() after each record (or batch); blocks are kept,
// so once the arena has seen its largest record it allocates nothing more.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace streamc {

class Arena {
 public:
  static constexpr size_t kDefaultBlockSize = 64 * 1024;

  explicit Arena(size_t block_size = kDefaultBlockSize);
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // n bytes, unaligned (text only). Valid until reset(). alloc(0) may return
  // nullptr.
  char* alloc(size_t n) {
    if (static_cast<size_t>(end_ - pos_) < n) return alloc_slow(n);
    char* p = pos_;
    pos_ += n;
    return p;
  }

  // A copy of s that lives until reset().
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = alloc(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // Forgets every allocation but keeps the memory. When the last cycle needed
  // several blocks they are merged into one, so the next cycle of the same
  // size fits without touching the heap.
  void reset();

  size_t block_count() const { return blocks_.size(); }
  size_t capacity() const;

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size;
  };

  char* alloc_slow(size_t n);
  void use_block(size_t index);

  size_t block_size_;
  std::vector<Block> blocks_;
  char* pos_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace streamc
