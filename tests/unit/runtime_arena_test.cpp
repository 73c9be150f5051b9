// name: runtime arena
// description: bump allocation, copies, and block reuse across reset()
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "streamc/arena.h"

namespace streamc {
namespace {

TEST(Arena, AllocationsAreDistinctAndContiguousWithinABlock) {
  Arena arena(1024);
  char* a = arena.alloc(10);
  char* b = arena.alloc(20);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(b, a + 10);
  std::memset(a, 'x', 10);
  std::memset(b, 'y', 20);
  EXPECT_EQ(std::string(a, 10), std::string(10, 'x'));
  EXPECT_EQ(arena.block_count(), 1u);
}

TEST(Arena, CopyOwnsItsBytes) {
  Arena arena;
  std::string source = "hello";
  const std::string_view copy = arena.copy(source);
  source[0] = 'j';
  EXPECT_EQ(copy, "hello");
  EXPECT_NE(copy.data(), source.data());
  EXPECT_TRUE(arena.copy("").empty());
  EXPECT_EQ(arena.block_count(), 1u);
}

TEST(Arena, LargeAllocationGetsItsOwnBlock) {
  Arena arena(128);
  arena.alloc(100);
  char* big = arena.alloc(1000);
  std::memset(big, 'z', 1000);  // must be writable in full
  EXPECT_EQ(arena.block_count(), 2u);
  EXPECT_GE(arena.capacity(), 1128u);
}

TEST(Arena, ResetReusesMemory) {
  Arena arena(256);
  char* first = arena.alloc(100);
  arena.reset();
  EXPECT_EQ(arena.alloc(100), first);
  EXPECT_EQ(arena.block_count(), 1u);
}

TEST(Arena, ResetMergesBlocksSoSteadyStateDoesNotGrow) {
  Arena arena(128);
  for (int i = 0; i < 10; ++i) arena.alloc(100);  // forces several blocks
  EXPECT_GT(arena.block_count(), 1u);
  arena.reset();
  EXPECT_EQ(arena.block_count(), 1u);
  const size_t capacity = arena.capacity();
  // The same workload now fits in the merged block, cycle after cycle.
  for (int cycle = 0; cycle < 5; ++cycle) {
    for (int i = 0; i < 10; ++i) arena.alloc(100);
    EXPECT_EQ(arena.block_count(), 1u);
    arena.reset();
  }
  EXPECT_EQ(arena.capacity(), capacity);
}

TEST(Arena, ZeroSizeAndEmptyArena) {
  Arena arena;
  arena.reset();  // nothing allocated yet
  EXPECT_EQ(arena.block_count(), 0u);
  arena.alloc(0);
  EXPECT_EQ(arena.capacity(), 0u);
}

}  // namespace
}  // namespace streamc
