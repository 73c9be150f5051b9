// Owned copies of the strings a table keeps (keys and row columns) beyond the
// read buffer they were parsed from, and PackedString, the 16-byte form of an
// owned string key.
//
// StringPool: owned copies of strings. Append-only: a copy never moves and stays
// valid until the pool is cleared or destroyed (or swapped away by
// HashTable::compact()). Nothing is freed one string at a time; the owner
// counts what it no longer uses and compacts into a fresh pool when that
// garbage outgrows the live bytes (HashTable does this itself).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "streamc/hash.h"

namespace streamc {

class StringPool {
 public:
  // Chunks start at kMinChunk bytes and double up to kMaxChunk, so a small
  // table wastes little and a large one allocates rarely.
  static constexpr size_t kMinChunk = 4 * 1024;
  static constexpr size_t kMaxChunk = 1024 * 1024;

  StringPool() = default;
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // A copy of s owned by the pool; the empty string costs nothing. The copy
  // is not deduplicated: each call appends.
  std::string_view intern_copy(std::string_view s) {
    if (s.empty()) return {};
    char* p;
    if (static_cast<size_t>(end_ - pos_) >= s.size()) {
      p = pos_;
      pos_ += s.size();
    } else {
      p = alloc_slow(s.size());
    }
    std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return {p, s.size()};
  }

  // Bytes handed out by intern_copy since construction or clear().
  size_t bytes_used() const { return used_; }
  // Bytes of chunk memory held (what the pool costs).
  size_t bytes_reserved() const { return reserved_; }

  // Makes the next n bytes of copies fit without another allocation.
  void reserve(size_t n);

  // Frees every chunk; earlier copies dangle.
  void clear();

  void swap(StringPool& other) noexcept;

 private:
  char* alloc_slow(size_t n);

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* pos_ = nullptr;
  char* end_ = nullptr;
  size_t next_chunk_ = kMinChunk;
  size_t used_ = 0;
  size_t reserved_ = 0;
};

// A string key as a HashTable slot keeps it, in 16 bytes: the length, then up
// to 12 bytes inline ("u1234567", "AAPL", "NYSE"), or for longer strings the
// first 4 bytes and a pointer to the full copy in a StringPool. A probe is
// prepared once (Probe) and then matches a short key with two 64-bit compares,
// without following a pointer. Little-endian only (x86-64, AArch64).
class PackedString {
 public:
  static constexpr size_t kInline = ShortString::kMax;

  // A key prepared for comparisons: for a short key its two words, for a
  // long one the length, its first 4 bytes and where the bytes are.
  struct Probe {
    uint64_t head;
    uint64_t tail;
    const char* data;
  };

  static Probe probe(std::string_view s) {
    const size_t n = s.size();
    const char* p = s.data();
    if (n <= kInline) {
      const ShortString w = pack_short(p, n);
      return {w.head, w.tail, p};
    }
    return {n | hash_detail::load32(p) << 32, 0, p};
  }

  // s must be shorter than 4 GiB; longer than kInline bytes, it is copied
  // into pool.
  static PackedString make(std::string_view s, StringPool& pool) {
    const Probe p = probe(s);
    PackedString out;
    out.head_ = p.head;
    out.tail_ = s.size() <= kInline ? p.tail
                                    : reinterpret_cast<uintptr_t>(pool.intern_copy(s).data());
    return out;
  }

  bool matches(const Probe& p) const {
    if (head_ != p.head) return false;
    const size_t n = size();
    if (n <= kInline) return tail_ == p.tail;
    return std::memcmp(reinterpret_cast<const char*>(tail_) + 4, p.data + 4, n - 4) == 0;
  }

  size_t size() const { return static_cast<uint32_t>(head_); }
  bool is_inline() const { return size() <= kInline; }
  // Inline bytes are viewed where this object is.
  std::string_view view() const {
    return {is_inline() ? reinterpret_cast<const char*>(this) + 4
                        : reinterpret_cast<const char*>(tail_),
            size()};
  }

 private:
  static_assert(std::endian::native == std::endian::little);

  uint64_t head_;
  uint64_t tail_;
};

}  // namespace streamc
