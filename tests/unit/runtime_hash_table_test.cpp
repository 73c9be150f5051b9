// name: runtime hash table
// description: HashTable (join state) against std::unordered_map as a model,
// its string ownership, growth, tombstones and find_batch; Hasher; StringPool
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "streamc/accumulators.h"
#include "streamc/groups.h"
#include "streamc/hash_table.h"
#include "streamc/step.h"

namespace streamc {
namespace {

// Row types as generated code writes them, each with its visit_strings.
struct ProfileRow {
  std::string_view tier;
  int32_t risk_score;
  uint64_t nulls;
};
template <class F>
void visit_strings(ProfileRow& r, F&& f) {
  f(r.tier);
}

struct IntRow {
  int64_t value;
};
template <class F>
void visit_strings(IntRow&, F&&) {}

using IntTable = HashTable<int64_t, IntRow>;
using StringTable = HashTable<std::string_view, ProfileRow>;

std::string key_text(uint64_t i) { return "u" + std::to_string(i); }
// Every third key is longer than PackedString::kInline, so it lives in the pool.
std::string mixed_key(uint64_t i) {
  return i % 3 ? key_text(i) : "user-" + std::to_string(i) + "@example.com";
}

TEST(HashTable, Int64InsertFindMiss) {
  IntTable t;
  EXPECT_EQ(t.find(1), nullptr);  // an empty table probes without allocating
  EXPECT_EQ(t.memory_bytes(), 0u);
  for (int64_t k = -500; k < 500; ++k) t.upsert(k * 7919, IntRow{k});
  EXPECT_EQ(t.size(), 1000u);
  for (int64_t k = -500; k < 500; ++k) {
    const IntRow* r = t.find(k * 7919);
    ASSERT_NE(r, nullptr) << k;
    EXPECT_EQ(r->value, k);
    EXPECT_EQ(t.find(k * 7919 + 1), nullptr);
  }
}

TEST(HashTable, StringKeysCompareBytes) {
  StringTable t;
  t.upsert("u1", ProfileRow{"gold", 1, 0});
  t.upsert("u10", ProfileRow{"basic", 2, 0});
  t.upsert("", ProfileRow{"empty", 3, 0});
  const std::string probe = "u10";  // a different buffer with the same bytes
  ASSERT_NE(t.find(probe), nullptr);
  EXPECT_EQ(t.find(probe)->tier, "basic");
  EXPECT_EQ(t.find("u1")->risk_score, 1);
  EXPECT_EQ(t.find("")->risk_score, 3);
  EXPECT_EQ(t.find("u100"), nullptr);
  EXPECT_EQ(t.find("u"), nullptr);
}

// Short keys are kept inline and long ones in the pool: keys of every length
// around the boundary, differing in one byte, in length, or by a NUL.
TEST(HashTable, StringKeysOfEveryLength) {
  HashTable<std::string_view, IntRow> t;
  std::vector<std::string> keys;
  for (size_t n = 0; n <= 40; ++n) {
    std::string base(n, 'k');
    keys.push_back(base);
    for (size_t i = 0; i < n; ++i) {
      std::string changed = base;
      changed[i] = 'q';
      keys.push_back(changed);
    }
    keys.push_back(base + '\0');
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (size_t i = 0; i < keys.size(); i += 2) t.upsert(keys[i], IntRow{static_cast<int64_t>(i)});
  for (size_t i = 0; i < keys.size(); ++i) {
    std::string probe = keys[i];  // its own buffer
    const IntRow* r = t.find(probe);
    if (i % 2) {
      EXPECT_EQ(r, nullptr) << i << " '" << probe << "'";
    } else {
      ASSERT_NE(r, nullptr) << i << " '" << probe << "'";
      EXPECT_EQ(r->value, static_cast<int64_t>(i));
    }
  }
  size_t seen = 0;
  t.for_each([&](std::string_view k, const IntRow& r) {
    ++seen;
    EXPECT_EQ(k, keys[static_cast<size_t>(r.value)]);
  });
  EXPECT_EQ(seen, (keys.size() + 1) / 2);
}

// A custom equality sees the key as given (copied views, not packed).
struct CaseInsensitiveHash {
  uint64_t operator()(std::string_view s) const {
    std::string lower(s);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return hash_bytes(lower.data(), lower.size());
  }
};
struct CaseInsensitiveEq {
  bool operator()(std::string_view a, std::string_view b) const {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  }
};

TEST(HashTable, CustomEqualityAndHash) {
  HashTable<std::string_view, IntRow, CaseInsensitiveHash, CaseInsensitiveEq> t;
  std::string key = "Premium";
  t.upsert(key, IntRow{1});
  key = "xxxxxxx";
  EXPECT_EQ(t.find("PREMIUM")->value, 1);
  t.upsert("premium", IntRow{2});
  EXPECT_EQ(t.size(), 1u);
  t.for_each([](std::string_view k, const IntRow& r) {
    EXPECT_EQ(k, "Premium");
    EXPECT_EQ(r.value, 2);
  });
  EXPECT_TRUE(t.erase("PREMIUM"));
  EXPECT_EQ(t.find("premium"), nullptr);
}

TEST(HashTable, CompositeKeys) {
  using Key = CompositeKey<std::string_view, std::string_view>;
  HashTable<Key, IntRow> t;
  t.upsert(Key{"NYSE", "IBM"}, IntRow{1});
  t.upsert(Key{"IBM", "NYSE"}, IntRow{2});
  t.upsert(Key{"NASDAQ", "IBM"}, IntRow{3});
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.find(Key{"NYSE", "IBM"})->value, 1);
  EXPECT_EQ(t.find(Key{"IBM", "NYSE"})->value, 2);
  EXPECT_EQ(t.find(Key{"NASDAQ", "IBM"})->value, 3);
  EXPECT_EQ(t.find(Key{"NYSE", "AAPL"}), nullptr);

  HashTable<std::tuple<int64_t, std::string_view>, IntRow> mixed;
  mixed.upsert({7, "a"}, IntRow{70});
  EXPECT_EQ(mixed.find({7, "a"})->value, 70);
  EXPECT_EQ(mixed.find({7, "b"}), nullptr);
  EXPECT_EQ(mixed.find({8, "a"}), nullptr);
}

TEST(HashTable, UpsertReplacesAndReturnsTheStoredRow) {
  StringTable t;
  ProfileRow& first = t.upsert("u1", ProfileRow{"basic", 10, 0});
  EXPECT_EQ(first.risk_score, 10);
  ProfileRow& second = t.upsert("u1", ProfileRow{"premium", 20, 0});
  EXPECT_EQ(&first, &second);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.find("u1")->tier, "premium");
  EXPECT_EQ(t.find("u1")->risk_score, 20);
  EXPECT_EQ(t.garbage_bytes(), 5u);  // "basic"
}

TEST(HashTable, EraseThenReinsert) {
  IntTable t;
  t.upsert(42, IntRow{1});
  EXPECT_TRUE(t.erase(42));
  EXPECT_FALSE(t.erase(42));
  EXPECT_EQ(t.find(42), nullptr);
  EXPECT_EQ(t.size(), 0u);
  t.upsert(42, IntRow{2});
  EXPECT_EQ(t.find(42)->value, 2);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_FALSE(IntTable().erase(1));
}

TEST(HashTable, RandomOperationsMatchUnorderedMap) {
  IntTable t;
  std::unordered_map<int64_t, int64_t> model;
  std::mt19937_64 rng(12345);
  for (int op = 0; op < 100000; ++op) {
    const int64_t key = static_cast<int64_t>(rng() % 6000) - 3000;
    const uint64_t what = rng() % 4;
    if (what <= 1) {
      const int64_t value = static_cast<int64_t>(rng());
      EXPECT_EQ(t.upsert(key, IntRow{value}).value, value);
      model[key] = value;
    } else if (what == 2) {
      ASSERT_EQ(t.erase(key), model.erase(key) == 1) << "op " << op;
    } else {
      const IntRow* r = t.find(key);
      const auto it = model.find(key);
      ASSERT_EQ(r != nullptr, it != model.end()) << "op " << op;
      if (r) {
        EXPECT_EQ(r->value, it->second);
      }
    }
    ASSERT_EQ(t.size(), model.size());
  }
  size_t seen = 0;
  t.for_each([&](int64_t k, const IntRow& r) {
    ++seen;
    EXPECT_EQ(model.at(k), r.value);
  });
  EXPECT_EQ(seen, model.size());
}

// Strings built in one reused buffer, so a view the table failed to copy
// would read the bytes of a later operation.
TEST(HashTable, RandomStringOperationsMatchUnorderedMap) {
  StringTable t;
  std::unordered_map<std::string, std::pair<std::string, int32_t>> model;
  std::mt19937_64 rng(777);
  std::string buffer;
  for (int op = 0; op < 100000; ++op) {
    buffer = mixed_key(rng() % 3000) + "|" + std::string(rng() % 24, 'a' + rng() % 26);
    const std::string_view key(buffer.data(), buffer.find('|'));
    const std::string_view tier = std::string_view(buffer).substr(key.size() + 1);
    const uint64_t what = rng() % 4;
    if (what <= 1) {
      const auto score = static_cast<int32_t>(rng());
      t.upsert(key, ProfileRow{tier, score, 0});
      model[std::string(key)] = {std::string(tier), score};
    } else if (what == 2) {
      ASSERT_EQ(t.erase(key), model.erase(std::string(key)) == 1) << "op " << op;
    } else {
      const ProfileRow* r = t.find(key);
      const auto it = model.find(std::string(key));
      ASSERT_EQ(r != nullptr, it != model.end()) << "op " << op;
      if (r) {
        EXPECT_EQ(r->tier, it->second.first);
        EXPECT_EQ(r->risk_score, it->second.second);
      }
    }
    std::fill(buffer.begin(), buffer.end(), '#');
  }
  size_t seen = 0;
  t.for_each([&](std::string_view k, const ProfileRow& r) {
    ++seen;
    EXPECT_EQ(model.at(std::string(k)).first, r.tier);
  });
  EXPECT_EQ(seen, model.size());
  // Replaced and erased versions were reclaimed along the way.
  EXPECT_LT(t.memory_bytes(), 3000 * (sizeof(StringTable::Slot) + 1) * 3 + 512 * 1024);
}

TEST(HashTable, StringOwnershipSurvivesTheSourceBufferBeingOverwritten) {
  StringTable t;
  std::string buffer = "user42,premium\nuser-with-a-long-id-43,basic";
  const std::string_view view(buffer);
  t.upsert(view.substr(0, 6), ProfileRow{view.substr(7, 7), 5, 0});
  t.upsert(view.substr(15, 22), ProfileRow{view.substr(38), 6, 0});
  std::fill(buffer.begin(), buffer.end(), 'X');
  buffer = "something else entirely, longer than before";
  const ProfileRow* r = t.find("user42");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->tier, "premium");
  r = t.find("user-with-a-long-id-43");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->tier, "basic");
  std::set<std::string> keys;
  t.for_each([&](std::string_view k, const ProfileRow&) { keys.emplace(k); });
  EXPECT_EQ(keys, (std::set<std::string>{"user42", "user-with-a-long-id-43"}));

  // Composite keys own each part too.
  using Key = CompositeKey<std::string_view, std::string_view>;
  HashTable<Key, IntRow> c;
  std::string parts = "NYSE:International Business Machines";
  const std::string_view pv(parts);
  c.upsert(Key{pv.substr(0, 4), pv.substr(5)}, IntRow{9});
  parts.assign(parts.size(), '?');
  const Key ibm{"NYSE", "International Business Machines"};
  ASSERT_NE(c.find(ibm), nullptr);
  EXPECT_EQ(c.find(ibm)->value, 9);
  c.for_each([&](const Key& k, const IntRow&) { EXPECT_EQ(k, ibm); });
}

// The row passed to upsert may be the table's own, even when the insert
// rebuilds the table under it.
TEST(HashTable, UpsertOfARowTheTableHolds) {
  StringTable t;
  t.upsert("u0", ProfileRow{"premium", 7, 0});
  for (uint64_t i = 1; i < 5000; ++i) t.upsert(mixed_key(i), *t.find("u0"));
  for (uint64_t i = 1; i < 5000; ++i) {
    const ProfileRow* r = t.find(mixed_key(i));
    ASSERT_NE(r, nullptr) << i;
    EXPECT_EQ(r->tier, "premium");
    EXPECT_EQ(r->risk_score, 7);
  }
  t.upsert("u0", *t.find("u1"));  // replacing a row with its own copy
  EXPECT_EQ(t.find("u0")->tier, "premium");
}

TEST(HashTable, GrowthKeepsEveryEntry) {
  StringTable t;
  size_t rebuilds = 0;
  size_t capacity = t.capacity();
  for (uint64_t i = 0; i < 50000; ++i) {
    const std::string key = key_text(i);
    t.upsert(key, ProfileRow{i % 2 ? "gold" : "", static_cast<int32_t>(i), i % 2});
    if (t.capacity() != capacity) {
      ++rebuilds;
      capacity = t.capacity();
      EXPECT_LE(t.size() * 8, capacity * 7);
    }
  }
  EXPECT_GT(rebuilds, 10u);
  EXPECT_EQ(t.size(), 50000u);
  for (uint64_t i = 0; i < 50000; ++i) {
    const ProfileRow* r = t.find(key_text(i));
    ASSERT_NE(r, nullptr) << i;
    EXPECT_EQ(r->risk_score, static_cast<int32_t>(i));
    EXPECT_EQ(r->tier, i % 2 ? "gold" : "");
  }
}

TEST(HashTable, ReserveAvoidsRebuilds) {
  IntTable t(1000);
  const size_t capacity = t.capacity();
  EXPECT_GE(capacity * 7, 1000u * 8);
  for (int64_t i = 0; i < 1000; ++i) t.upsert(i, IntRow{i});
  EXPECT_EQ(t.capacity(), capacity);
}

// A large table reserved by two threads (its pages faulted in by both)
// holds its rows like any other, and keeps rows it held before.
TEST(HashTable, ReserveOnSeveralThreadsKeepsRows) {
  IntTable t;
  for (int64_t i = 0; i < 100; ++i) t.upsert(i, IntRow{i});
  t.reserve(300000, 2);
  const size_t capacity = t.capacity();
  EXPECT_GE(capacity * 7, 300000u * 8);
  for (int64_t i = 100; i < 300000; ++i) t.upsert(i, IntRow{i});
  EXPECT_EQ(t.capacity(), capacity);
  for (int64_t i = 0; i < 300000; i += 997) {
    const IntRow* r = t.find(i);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->value, i);
  }
}

// A nearly full table under erase/insert of fresh keys: the groups fill with
// tombstones, which must neither break probes nor grow the table.
TEST(HashTable, TombstonesUnderChurnKeepProbesCorrect) {
  IntTable t(896);
  const size_t capacity = t.capacity();
  ASSERT_EQ(capacity, 1024u);
  std::vector<int64_t> live;
  for (int64_t k = 0; k < 880; ++k) {
    t.upsert(k, IntRow{k});
    live.push_back(k);
  }
  std::mt19937_64 rng(99);
  int64_t next = 880;
  for (int cycle = 0; cycle < 50000; ++cycle) {
    const size_t victim = rng() % live.size();
    ASSERT_TRUE(t.erase(live[victim]));
    live[victim] = next;
    t.upsert(next, IntRow{next});
    ++next;
    if (cycle % 5000 == 0) {
      for (int64_t k : live) ASSERT_NE(t.find(k), nullptr) << k;
      EXPECT_EQ(t.find(next), nullptr);
    }
  }
  EXPECT_EQ(t.size(), live.size());
  EXPECT_LE(t.capacity(), 2 * capacity);
  for (int64_t k : live) ASSERT_EQ(t.find(k)->value, k);
  for (int64_t k = 0; k < 880; ++k) {
    if (std::find(live.begin(), live.end(), k) == live.end()) {
      EXPECT_EQ(t.find(k), nullptr);
    }
  }

  // A small live set under endless churn stays a small table.
  IntTable small;
  for (int64_t k = 0; k < 200000; ++k) {
    small.upsert(k, IntRow{k});
    if (k >= 100) {
      ASSERT_TRUE(small.erase(k - 100));
    }
  }
  EXPECT_EQ(small.size(), 100u);
  EXPECT_LE(small.capacity(), 256u);
}

// Every key in one of four groups with one fingerprint: long probe chains,
// every comparison a candidate.
struct ClusteredHash {
  uint64_t operator()(int64_t k) const { return static_cast<uint64_t>(k) % 4; }
};

TEST(HashTable, HeavyCollisionsStayCorrect) {
  HashTable<int64_t, IntRow, ClusteredHash> t;
  std::unordered_map<int64_t, int64_t> model;
  std::mt19937_64 rng(5);
  for (int op = 0; op < 20000; ++op) {
    const auto key = static_cast<int64_t>(rng() % 700);
    if (rng() % 3) {
      t.upsert(key, IntRow{op});
      model[key] = op;
    } else {
      ASSERT_EQ(t.erase(key), model.erase(key) == 1);
    }
  }
  ASSERT_EQ(t.size(), model.size());
  std::vector<int64_t> keys(800);
  std::iota(keys.begin(), keys.end(), 0);
  std::vector<const IntRow*> batch(keys.size());
  t.find_batch(keys.data(), keys.size(), batch.data());  // candidates mostly wrong
  for (int64_t k = 0; k < 800; ++k) {
    const IntRow* r = t.find(k);
    ASSERT_EQ(batch[static_cast<size_t>(k)], r);
    ASSERT_EQ(r != nullptr, model.count(k) == 1) << k;
    if (r) {
      EXPECT_EQ(r->value, model[k]);
    }
  }
}

// The identity hash puts key k in group k % 64 of a 1024-slot table, so the
// test decides which groups fill up and where the tombstones go.
struct IdentityHash {
  uint64_t operator()(int64_t k) const { return static_cast<uint64_t>(k); }
};

TEST(HashTable, TombstonesAreDroppedByARebuildAtTheSameCapacity) {
  HashTable<int64_t, IntRow, IdentityHash> t(896);
  ASSERT_EQ(t.capacity(), 1024u);
  auto key = [](int64_t group, int64_t i) { return group + 64 * i; };
  for (int64_t g = 0; g < 56; ++g) {  // groups 0..55 full: 896 rows, the limit
    for (int64_t i = 0; i < 16; ++i) t.upsert(key(g, i), IntRow{i});
  }
  for (int64_t g = 0; g < 40; ++g) {  // 480 tombstones in full groups
    for (int64_t i = 0; i < 12; ++i) ASSERT_TRUE(t.erase(key(g, i)));
  }
  t.upsert(key(60, 0), IntRow{0});  // an EMPTY slot, none left to use: rebuild
  EXPECT_EQ(t.capacity(), 1024u);
  EXPECT_EQ(t.size(), 417u);
  for (int64_t g = 0; g < 56; ++g) {
    for (int64_t i = 0; i < 16; ++i) {
      EXPECT_EQ(t.find(key(g, i)) != nullptr, g >= 40 || i >= 12) << g << " " << i;
    }
  }
  EXPECT_NE(t.find(key(60, 0)), nullptr);
}

TEST(HashTable, FindBatchEqualsFind) {
  StringTable strings;
  IntTable ints;
  for (uint64_t i = 0; i < 20000; i += 2) {
    strings.upsert(mixed_key(i), ProfileRow{"t", static_cast<int32_t>(i), 0});
    ints.upsert(static_cast<int64_t>(i), IntRow{static_cast<int64_t>(i)});
  }
  std::vector<std::string> texts;
  std::vector<int64_t> int_keys;
  std::mt19937_64 rng(3);
  for (int i = 0; i < 3000; ++i) {
    const uint64_t k = rng() % 21000;  // half hits, some beyond the table
    texts.push_back(mixed_key(k));
    int_keys.push_back(static_cast<int64_t>(k));
  }
  const std::vector<std::string_view> string_keys(texts.begin(), texts.end());
  for (size_t batch : {size_t{1}, size_t{7}, size_t{16}, size_t{64}, size_t{100}, size_t{3000}}) {
    std::vector<const ProfileRow*> string_out(batch);
    std::vector<const IntRow*> int_out(batch);
    for (size_t base = 0; base + batch <= string_keys.size(); base += batch) {
      strings.find_batch(string_keys.data() + base, batch, string_out.data());
      ints.find_batch(int_keys.data() + base, batch, int_out.data());
      for (size_t i = 0; i < batch; ++i) {
        ASSERT_EQ(string_out[i], strings.find(string_keys[base + i])) << batch << " " << i;
        ASSERT_EQ(int_out[i], ints.find(int_keys[base + i])) << batch << " " << i;
      }
    }
  }
  IntTable empty;
  const IntRow* out[2] = {&ints.upsert(1, IntRow{1}), nullptr};
  empty.find_batch(int_keys.data(), 2, out);
  EXPECT_EQ(out[0], nullptr);
  EXPECT_EQ(out[1], nullptr);
}

TEST(HashTable, MemoryBytesGrowsSensibly) {
  StringTable t;
  EXPECT_EQ(t.memory_bytes(), 0u);
  for (uint64_t i = 0; i < 10000; ++i) t.upsert(key_text(i), ProfileRow{"premium", 1, 0});
  const size_t slot_bytes = 10000 * sizeof(StringTable::Slot);
  const size_t string_bytes = 10000 * (5 + 7);
  EXPECT_GE(t.memory_bytes(), slot_bytes + 10000 + string_bytes);
  // Load between 7/16 and 7/8, plus chunk slack in the pool.
  EXPECT_LE(t.memory_bytes(), (slot_bytes + 10000) * 16 / 7 + string_bytes * 2 + 64 * 1024);
  const size_t before = t.memory_bytes();
  for (uint64_t i = 0; i < 10000; ++i) t.upsert(key_text(i), ProfileRow{"premium", 2, 0});
  // Replacing every row twice over leaves at most the live bytes as garbage.
  for (uint64_t i = 0; i < 10000; ++i) t.upsert(key_text(i), ProfileRow{"premium", 3, 0});
  EXPECT_LE(t.memory_bytes(), before + string_bytes * 2 + 64 * 1024);
}

TEST(HashTable, GarbageIsCompactedAndClearReleasesStrings) {
  StringTable t;
  const std::string big(1000, 'b');
  for (int i = 0; i < 20000; ++i) t.upsert("hot", ProfileRow{big, i, 0});
  EXPECT_EQ(t.find("hot")->tier, big);
  EXPECT_EQ(t.find("hot")->risk_score, 19999);
  // 20 MB were copied in; the pool holds one live copy plus bounded garbage.
  EXPECT_LT(t.memory_bytes(), 2 * 1024 * 1024u);
  t.compact();
  EXPECT_EQ(t.garbage_bytes(), 0u);
  EXPECT_EQ(t.find("hot")->tier, big);
  t.clear();
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.find("hot"), nullptr);
  t.upsert("hot", ProfileRow{"x", 1, 0});
  EXPECT_EQ(t.find("hot")->tier, "x");
}

TEST(HashTable, MoveTransfersTheRows) {
  StringTable a;
  a.upsert("k", ProfileRow{"v", 1, 0});
  StringTable b(std::move(a));
  EXPECT_EQ(b.find("k")->tier, "v");
  StringTable c;
  c = std::move(b);
  EXPECT_EQ(c.find("k")->tier, "v");
  EXPECT_EQ(c.size(), 1u);
}

TEST(Hasher, EqualKeysHashEqualAndComponentsAreOrdered) {
  EXPECT_EQ(Hasher<std::string_view>{}("abc"), Hasher<std::string_view>{}(std::string("abc")));
  EXPECT_NE(Hasher<std::string_view>{}("abc"), Hasher<std::string_view>{}("abd"));
  EXPECT_EQ(Hasher<double>{}(0.0), Hasher<double>{}(-0.0));
  using Pair = CompositeKey<std::string_view, std::string_view>;
  EXPECT_NE(Hasher<Pair>{}(Pair{"a", "b"}), Hasher<Pair>{}(Pair{"b", "a"}));
  EXPECT_NE(Hasher<Pair>{}(Pair{"ab", ""}), Hasher<Pair>{}(Pair{"a", "b"}));
  EXPECT_EQ(Hasher<__int128>{}(__int128{5}), Hasher<__int128>{}(__int128{5}));
  EXPECT_NE(Hasher<__int128>{}(__int128{5}), Hasher<__int128>{}(__int128{5} << 64));
}

TEST(Hasher, StringHashesAreDistinctAcrossLengthsAndBytes) {
  // Every prefix of a long text, and every one-byte change of a 40-byte text.
  const std::string text = "The quick brown fox jumps over the lazy dog, 0123456789 times";
  std::set<uint64_t> seen;
  for (size_t n = 0; n <= text.size(); ++n) seen.insert(hash_bytes(text.data(), n));
  EXPECT_EQ(seen.size(), text.size() + 1);
  seen.clear();
  std::string s(40, 'a');
  for (size_t i = 0; i < s.size(); ++i) {
    s[i] = 'b';
    seen.insert(hash_bytes(s.data(), s.size()));
    s[i] = 'a';
  }
  EXPECT_EQ(seen.size(), s.size());
}

// Sequential ids and "u123456" keys spread evenly over both the low bits (the
// group) and the top 7 bits (the fingerprint).
TEST(Hasher, SequentialKeysSpreadOverGroupsAndFingerprints) {
  constexpr int kBuckets = 128;
  constexpr int kKeys = 128 * 1000;
  for (int kind = 0; kind < 3; ++kind) {
    std::vector<int> low(kBuckets), top(kBuckets);
    for (int i = 0; i < kKeys; ++i) {
      uint64_t h = 0;
      if (kind == 0) h = Hasher<int64_t>{}(i);
      if (kind == 1) h = Hasher<int64_t>{}(int64_t{i} << 32);
      if (kind == 2) h = Hasher<std::string_view>{}(key_text(100000 + i));
      ++low[h % kBuckets];
      ++top[h >> 57];
    }
    for (int b = 0; b < kBuckets; ++b) {
      EXPECT_NEAR(low[b], 1000, 150) << "kind " << kind << " low bucket " << b;
      EXPECT_NEAR(top[b], 1000, 150) << "kind " << kind << " top bucket " << b;
    }
  }
}

TEST(StringPool, CopiesOutliveTheirSource) {
  StringPool pool;
  std::string source = "hello";
  const std::string_view copy = pool.intern_copy(source);
  source[0] = 'j';
  EXPECT_EQ(copy, "hello");
  EXPECT_TRUE(pool.intern_copy("").empty());
  EXPECT_EQ(pool.bytes_used(), 5u);
  EXPECT_EQ(pool.bytes_reserved(), StringPool::kMinChunk);
}

TEST(StringPool, ChunksNeverMoveAndLongStringsGetTheirOwn) {
  StringPool pool;
  std::vector<std::pair<std::string_view, std::string>> copies;
  for (int i = 0; i < 20000; ++i) {
    std::string s = std::to_string(i) + std::string(i % 50, 'x');
    copies.emplace_back(pool.intern_copy(s), s);
  }
  const std::string big(2 * StringPool::kMaxChunk, 'B');  // never fits an open chunk
  const size_t reserved = pool.bytes_reserved();
  EXPECT_EQ(pool.intern_copy(big), big);
  EXPECT_EQ(pool.bytes_reserved(), reserved + big.size());
  for (const auto& [copy, original] : copies) ASSERT_EQ(copy, original);
  pool.reserve(1000);
  const size_t after_reserve = pool.bytes_reserved();
  pool.intern_copy(std::string(1000, 'r'));
  EXPECT_EQ(pool.bytes_reserved(), after_reserve);
  pool.clear();
  EXPECT_EQ(pool.bytes_used(), 0u);
  EXPECT_EQ(pool.bytes_reserved(), 0u);
}

// A query's groups: a tuple key of (is NULL, value), updated in place.
struct CountGroup {
  int64_t n = 0;
  uint64_t seq = 0;
};
template <class F>
void visit_strings(CountGroup&, F&&) {}
using GroupTable = HashTable<std::tuple<bool, std::string_view>, CountGroup>;

TEST(HashTable, FindOrInsertUpdatesInPlaceAndOwnsNewKeys) {
  GroupTable groups;
  std::string transient = "books";
  find_group(groups, {false, transient}).n += 1;
  transient = "toys!";  // the table kept its own copy of the key
  find_group(groups, {false, transient}).n += 1;
  find_group(groups, {false, "books"}).n += 5;
  find_group(groups, {true, std::string_view()}).n += 1;  // the NULL key: a group of its own
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups.find({false, "books"})->n, 6);
  EXPECT_EQ(groups.find({false, "books"})->seq, 0u);
  EXPECT_EQ(groups.find({false, "toys!"})->seq, 1u);
  EXPECT_EQ(groups.find({true, std::string_view()})->seq, 2u);
}

// EMIT FINAL: the groups in the order they first appeared, across growth.
struct FakeProgram {
  void begin_record() {}
  std::string_view error() const { return "boom"; }
};

TEST(HashTable, EmitGroupsInFirstSeenOrder) {
  HashTable<std::tuple<bool, int64_t>, CountGroup> groups;
  for (int64_t i = 0; i < 5000; ++i) find_group(groups, {false, (i * 7919) % 1000}).n += 1;
  std::vector<int64_t> order;
  FakeProgram program;
  EXPECT_TRUE(emit_groups(program, groups, [&](const auto& key, const CountGroup& g) {
    order.push_back(std::get<1>(key));
    EXPECT_EQ(g.n, 5);
    return Step::Next;
  }));
  ASSERT_EQ(order.size(), 1000u);
  for (int64_t i = 0; i < 1000; ++i) EXPECT_EQ(order[i], (i * 7919) % 1000);
  int calls = 0;
  EXPECT_FALSE(emit_groups(program, groups, [&](const auto&, const CountGroup&) {
    ++calls;
    return Step::Error;  // the first failure stops it
  }));
  EXPECT_EQ(calls, 1);
}

// A group that keeps a VARCHAR (LAST of a column) replaces it on every
// record: the table owns each copy, and compacts the replaced ones away.
struct LastNameGroup {
  Last<std::string_view> last;
  uint64_t seq = 0;
};
template <class F>
void visit_strings(LastNameGroup& g, F&& f) {
  f(g.last.value);
}

TEST(HashTable, OwnedStringsOfGroupsSurviveCompaction) {
  HashTable<std::tuple<bool, int64_t>, LastNameGroup> groups;
  std::string buffer;  // the record's text, reused as a reader's buffer is
  for (int64_t i = 0; i < 200000; ++i) {
    buffer = "name-" + std::to_string(i) + "-of-group-" + std::to_string(i % 10);
    LastNameGroup& g = find_group(groups, {false, i % 10});
    const std::string_view v = buffer;
    if (g.last.takes(v)) g.last.set(groups.own(v, g.last.value), static_cast<uint64_t>(i));
  }
  buffer.assign(buffer.size(), '#');
  for (int64_t k = 0; k < 10; ++k) {
    const LastNameGroup* g = groups.find({false, k});
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->last.result(), "name-" + std::to_string(199990 + k) + "-of-group-" + std::to_string(k));
  }
  // 200000 copies of about 25 bytes were made; the pool holds little more than the live ones.
  EXPECT_LT(groups.memory_bytes(), size_t{1} << 20);
}

}  // namespace
}  // namespace streamc
