// The join hash table's memory: aligned, faulted in by several threads for a large table.
#include "streamc/hash_table.h"

#include <algorithm>
#include <new>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace streamc::hash_table_detail {

namespace {

constexpr size_t kHugePage = 2 * 1024 * 1024;
constexpr size_t kHugeFrom = 4 * 1024 * 1024;

std::align_val_t alignment_for(size_t bytes) {
  return std::align_val_t{bytes >= kHugeFrom ? kHugePage : 64};
}

}  // namespace

void* allocate_table(size_t bytes) {
  void* p = ::operator new(bytes, alignment_for(bytes));
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Advice only: without transparent huge pages the table works the same.
  if (bytes >= kHugeFrom) ::madvise(p, bytes & ~(kHugePage - 1), MADV_HUGEPAGE);
#endif
  return p;
}

void populate_table(void* p, size_t bytes, unsigned threads) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  if (threads < 2 || bytes < kHugeFrom) return;
  // Whole huge pages per thread; on kernels before 5.14 madvise fails and the
  // pages are touched as rows arrive, as without this.
  const size_t share = (bytes / threads + kHugePage - 1) & ~(kHugePage - 1);
  auto populate = [p, bytes, share](size_t part) {
    const size_t begin = part * share;
    if (begin < bytes) ::madvise(static_cast<char*>(p) + begin, std::min(share, bytes - begin), MADV_POPULATE_WRITE);
  };
  const size_t parts = std::min<size_t>(threads, (bytes + share - 1) / share);
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < parts; ++t) helpers.emplace_back(populate, t);
  populate(0);
  for (std::thread& t : helpers) t.join();
#else
  (void)p, (void)bytes, (void)threads;
#endif
}

void free_table(void* p, size_t bytes) noexcept { ::operator delete(p, alignment_for(bytes)); }

}  // namespace streamc::hash_table_detail
