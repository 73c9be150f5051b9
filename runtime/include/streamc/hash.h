// Hash functions for join and group keys: streamc::Hasher<Key> returns a
// 64-bit hash whose every bit is usable (HashTable takes its group from the
// low bits and a 7-bit fingerprint from the top bits).
//
// - integers, bool, i128 (DECIMAL(38) keys), double: two 64x64->128
//   multiplies, each folded to 64 bits, so sequential ids spread over the
//   whole table as evenly as random ones;
// - std::string_view: bytes in 8-byte words, each pair of words mixed by one
//   folded multiply; a key of up to 16 bytes ("u123456", "AAPL") costs two
//   loads and two multiplies. Written for streamc, after the well-known
//   multiply-fold design of wyhash and xxh3; no third-party code.
// - std::tuple / std::pair (composite keys such as (exchange, symbol)): the
//   component hashes folded in order, so (a, b) and (b, a) differ; but a
//   (bool, value) pair, a nullable key of one column, is the value's hash
//   with the flag's bits.
//
// Hashes are deterministic (a fixed seed): the same input hashes the same in
// every run, which keeps benchmarks and iteration order reproducible. They are
// not meant to resist inputs crafted to collide (HashDoS).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace streamc {

namespace hash_detail {

// Hexadecimal digits of pi ("nothing up my sleeve"), made odd.
inline constexpr uint64_t kSeed = 0x243F6A8885A308D3ull;
inline constexpr uint64_t kMul0 = 0x13198A2E03707345ull;
inline constexpr uint64_t kMul1 = 0xA4093822299F31D1ull;
inline constexpr uint64_t kMul2 = 0x082EFA98EC4E6C89ull;

// The full 128-bit product folded to 64 bits: every input bit reaches the
// high half of the product, the low half keeps the low bits distinct.
inline uint64_t fold_mul(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// Bytes longer than 16 (out of line: join keys are mostly short, and the
// short path inlines into every probe).
uint64_t hash_long(const char* p, size_t n, uint64_t state);

}  // namespace hash_detail

// A 64-bit hash of n bytes. A key of up to 16 bytes is read as two
// (overlapping) words straight from memory and mixed by two multiplies: the
// hash decides which cache line a probe loads, so its latency counts.
inline uint64_t hash_bytes(const char* p, size_t n) {
  using namespace hash_detail;
  uint64_t a = 0;
  uint64_t b = 0;
  if (n <= 16) [[likely]] {
    if (n >= 8) {
      a = load64(p);
      b = load64(p + n - 8);
    } else if (n >= 4) {
      a = load32(p);
      b = load32(p + n - 4);
    } else if (n > 0) {
      a = uint64_t{static_cast<unsigned char>(p[0])} << 16 |
          uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8 |
          uint64_t{static_cast<unsigned char>(p[n - 1])};
    }
    return fold_mul(fold_mul(a ^ kMul1, b ^ kSeed ^ n) ^ kMul2, kMul0 ^ n);
  }
  return fold_mul(hash_long(p, n, kSeed ^ n) ^ kMul2, kMul0 ^ n);
}

// A 64-bit integer spread over all 64 bits. One folded multiply leaves
// sequential ids visibly uneven over the low bits (the table's group index);
// a second makes them as even as random keys.
inline uint64_t hash_u64(uint64_t v) {
  using namespace hash_detail;
  return fold_mul(fold_mul(v ^ kSeed, kMul0), kMul1);
}

// Two hashes combined, order-sensitive (composite keys).
inline uint64_t hash_combine(uint64_t seed, uint64_t h) {
  return hash_detail::fold_mul(seed ^ h, hash_detail::kMul1);
}

// The primary template is undefined: a key type without a specialization
// fails to compile here rather than hashing badly.
template <class Key, class Enable = void>
struct Hasher;

// Signed values sign-extend: equal keys of one type hash alike, which is all
// a table keyed by that type needs.
template <class T>
struct Hasher<T, std::enable_if_t<std::is_integral_v<T>>> {
  uint64_t operator()(T v) const noexcept { return hash_u64(static_cast<uint64_t>(v)); }
};

template <>
struct Hasher<__int128> {
  uint64_t operator()(__int128 v) const noexcept {
    const auto u = static_cast<unsigned __int128>(v);
    return hash_u64(hash_u64(static_cast<uint64_t>(u)) ^ static_cast<uint64_t>(u >> 64));
  }
};

template <>
struct Hasher<double> {
  // -0.0 == 0.0, so both hash alike. NaN never equals anything, so any hash
  // will do.
  uint64_t operator()(double v) const noexcept {
    if (v == 0) v = 0;
    return hash_u64(std::bit_cast<uint64_t>(v));
  }
};

template <>
struct Hasher<std::string_view> {
  uint64_t operator()(std::string_view s) const noexcept { return hash_bytes(s.data(), s.size()); }
};

template <class... Ts>
struct Hasher<std::tuple<Ts...>> {
  uint64_t operator()(const std::tuple<Ts...>& t) const noexcept {
    return std::apply(
        [](const Ts&... parts) {
          uint64_t h = hash_detail::kSeed;
          ((h = hash_combine(h, Hasher<Ts>{}(parts))), ...);
          return h;
        },
        t);
  }
};

// (is NULL, value): the key of a group or partition by one column. A NULL
// key's value is its type's default, so the value's hash alone tells every
// key apart but NULL from that default, which the flag's bits do: one hash
// of the value instead of three folded together.
template <class T>
struct Hasher<std::tuple<bool, T>> {
  uint64_t operator()(const std::tuple<bool, T>& t) const noexcept {
    constexpr uint64_t kNull = 0x9E3779B97F4A7C15ull;  // the golden ratio's bits
    return Hasher<T>{}(std::get<1>(t)) ^ (std::get<0>(t) ? kNull : 0);
  }
};

template <class A, class B>
struct Hasher<std::pair<A, B>> {
  uint64_t operator()(const std::pair<A, B>& p) const noexcept {
    return hash_combine(hash_combine(hash_detail::kSeed, Hasher<A>{}(p.first)),
                        Hasher<B>{}(p.second));
  }
};

// A composite join key, e.g. CompositeKey<std::string_view, std::string_view>
// for ON t.exchange = m.exchange AND t.symbol = m.symbol. Equality compares
// component by component (bytes for strings).
template <class... Ts>
using CompositeKey = std::tuple<Ts...>;

}  // namespace streamc
