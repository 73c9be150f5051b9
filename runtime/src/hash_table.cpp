#include "streamc/hash_table.h"

#include <new>

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

void free_table(void* p, size_t bytes) noexcept { ::operator delete(p, alignment_for(bytes)); }

}  // namespace streamc::hash_table_detail
