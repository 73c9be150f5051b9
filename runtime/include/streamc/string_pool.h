// How a table owns the strings of its keys and rows beyond the read buffer
// they were parsed from:
// - StringPool: append-only copies of strings (row columns, long keys);
// - visit_strings(value, f): calls f(std::string_view&) for every view in a
//   key or row; built in for numbers, views and tuples, written by generated
//   code for each row struct (see hash_table.h);
// - PackedString: a string key in 16 bytes, short ones inline;
// - key_storage::KeyCodec<Key>: how a table stores, compares and relocates a
//   key (views packed, everything else as given).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace streamc {

// Append-only: a copy never moves and stays valid until the pool is cleared
// or destroyed (or swapped away by HashTable::compact()). Nothing is freed one
// string at a time; the owner counts what it no longer uses and compacts into
// a fresh pool when that garbage outgrows the live bytes (HashTable does this
// itself).
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
  static constexpr size_t kInline = 12;

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
    return {n | load_padded(p, n < 4 ? n : 4) << 32,
            n > 4 && n <= kInline ? load_padded(p + 4, n - 4) : 0, p};
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
    const size_t n = static_cast<uint32_t>(p.head);  // the probe's length, equal to ours
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

  // The first n <= 8 bytes at p in the low bytes of a word, zeros above;
  // reads nothing outside [p, p + n).
  static uint64_t load_padded(const char* p, size_t n) {
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return lo | (uint64_t{hi} >> ((8 - n) * 8)) << 32;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    return v;
  }

  uint64_t head_;
  uint64_t tail_;
};

// visit_strings for the built-in key types; row types bring their own.
template <class T, class F>
  requires std::is_arithmetic_v<T> || std::is_same_v<T, __int128>
inline void visit_strings(T&, F&&) {}
template <class F>
inline void visit_strings(std::string_view& s, F&& f) {
  f(s);
}
template <class... Ts, class F>
inline void visit_strings(std::tuple<Ts...>& t, F&& f) {
  std::apply([&](Ts&... parts) { (visit_strings(parts, f), ...); }, t);
}
template <class A, class B, class F>
inline void visit_strings(std::pair<A, B>& p, F&& f) {
  visit_strings(p.first, f);
  visit_strings(p.second, f);
}

namespace key_storage {

struct ProbeVisitor {
  void operator()(std::string_view&) const {}
};
template <class T>
concept HasStringVisitor = requires(T& v, ProbeVisitor f) { visit_strings(v, f); };

// How a table keeps a key it owns. PlainKey keeps the key itself, compares
// with the table's Eq and copies the key's views into the pool; a
// std::string_view key (alone or in a tuple) is kept as a PackedString, so a
// short key compares without a cache miss on its bytes. Every codec has:
// Stored, prepare(key) (a probe, computed once per lookup), matches, view,
// store (copies into the pool), pool_bytes, relocate (into another pool) and
// prefetch.
template <class K>
struct PlainKey {
  using Stored = K;
  static const K& prepare(const K& k) { return k; }
  template <class E>
  static bool matches(const K& stored, const K& probe, const E& eq) {
    return eq(stored, probe);
  }
  static const K& view(const K& stored) { return stored; }
  static K store(const K& k, StringPool& pool) {
    K stored = k;
    relocate(stored, pool);
    return stored;
  }
  static size_t pool_bytes(const K& stored) {
    K copy = stored;
    size_t n = 0;
    visit_strings(copy, [&n](std::string_view& s) { n += s.size(); });
    return n;
  }
  static void relocate(K& stored, StringPool& pool) {
    visit_strings(stored, [&pool](std::string_view& s) { s = pool.intern_copy(s); });
  }
  static void prefetch(const K&) {}
};

struct PackedKey {
  using Stored = PackedString;
  static PackedString::Probe prepare(std::string_view k) { return PackedString::probe(k); }
  template <class E>
  static bool matches(const PackedString& stored, const PackedString::Probe& probe, const E&) {
    return stored.matches(probe);
  }
  static std::string_view view(const PackedString& stored) { return stored.view(); }
  static PackedString store(std::string_view k, StringPool& pool) {
    return PackedString::make(k, pool);
  }
  static size_t pool_bytes(const PackedString& stored) {
    return stored.is_inline() ? 0 : stored.size();
  }
  static void relocate(PackedString& stored, StringPool& pool) {
    if (!stored.is_inline()) stored = PackedString::make(stored.view(), pool);
  }
  static void prefetch(const PackedString& stored) {
    if (!stored.is_inline()) __builtin_prefetch(stored.view().data());
  }
};

template <class... Ts>
struct TupleKey;

template <class K>
struct KeyCodecFor {
  using type = PlainKey<K>;
};
template <class K>
using KeyCodec = typename KeyCodecFor<K>::type;

template <>
struct KeyCodecFor<std::string_view> {
  using type = PackedKey;
};
template <class... Ts>
struct KeyCodecFor<std::tuple<Ts...>> {
  using type = TupleKey<Ts...>;
};

template <class... Ts>
struct TupleKey {
  using Stored = std::tuple<typename KeyCodec<Ts>::Stored...>;
  using Probe = std::tuple<decltype(KeyCodec<Ts>::prepare(std::declval<const Ts&>()))...>;
  static constexpr auto kIndex = std::index_sequence_for<Ts...>{};

  static Probe prepare(const std::tuple<Ts...>& k) {
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return Probe(KeyCodec<Ts>::prepare(std::get<I>(k))...);
    }(kIndex);
  }
  template <class E>
  static bool matches(const Stored& stored, const Probe& probe, const E&) {
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return (KeyCodec<Ts>::matches(std::get<I>(stored), std::get<I>(probe), std::equal_to<Ts>{}) &&
              ...);
    }(kIndex);
  }
  static std::tuple<Ts...> view(const Stored& stored) {
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return std::tuple<Ts...>(KeyCodec<Ts>::view(std::get<I>(stored))...);
    }(kIndex);
  }
  static Stored store(const std::tuple<Ts...>& k, StringPool& pool) {
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return Stored(KeyCodec<Ts>::store(std::get<I>(k), pool)...);
    }(kIndex);
  }
  static size_t pool_bytes(const Stored& stored) {
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return (size_t{0} + ... + KeyCodec<Ts>::pool_bytes(std::get<I>(stored)));
    }(kIndex);
  }
  static void relocate(Stored& stored, StringPool& pool) {
    [&]<size_t... I>(std::index_sequence<I...>) {
      (KeyCodec<Ts>::relocate(std::get<I>(stored), pool), ...);
    }(kIndex);
  }
  static void prefetch(const Stored& stored) {
    [&]<size_t... I>(std::index_sequence<I...>) {
      (KeyCodec<Ts>::prefetch(std::get<I>(stored)), ...);
    }(kIndex);
  }
};

}  // namespace key_storage

}  // namespace streamc
