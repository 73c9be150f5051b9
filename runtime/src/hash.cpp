// Hashes of long string keys (the short ones are hashed inline, hash.h).
#include "streamc/hash.h"

namespace streamc::hash_detail {

// 32 bytes per round in two independent lanes so the multiplies overlap, then
// up to 16 more, then the last 16 (overlapping what came before).
uint64_t hash_long(const char* p, size_t n, uint64_t state) {
  const char* end = p + n;
  uint64_t other = state ^ kMul2;
  while (end - p > 32) {
    state = fold_mul(load64(p) ^ kMul0, load64(p + 8) ^ state);
    other = fold_mul(load64(p + 16) ^ kMul1, load64(p + 24) ^ other);
    p += 32;
  }
  state ^= other;
  if (end - p > 16) {
    state = fold_mul(load64(p) ^ kMul0, load64(p + 8) ^ state);
  }
  return fold_mul(load64(end - 16) ^ kMul1, load64(end - 8) ^ state);
}

}  // namespace streamc::hash_detail
