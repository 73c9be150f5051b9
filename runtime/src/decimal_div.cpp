// Exact decimal division on 128-bit magnitudes. The common case is one
// 128-bit division; when a * 10^k would overflow, the quotient is extended
// one digit at a time (long division) so the only possible failure is a
// result that does not fit.
#include <cstdint>
#include <limits>

#include "streamc/decimal.h"

namespace streamc {
namespace {

constexpr u128 kU128Max = ~u128(0);

// (10 * r) / d and (10 * r) % d for r < d, without overflowing 10 * r.
unsigned times10_divmod(u128& r, u128 d) {
  if (r <= kU128Max / 10) {
    const u128 t = r * 10;
    r = t % d;
    return static_cast<unsigned>(t / d);
  }
  // Add r to itself ten times modulo d, counting the wraps.
  u128 acc = 0;
  unsigned digit = 0;
  for (int i = 0; i < 10; ++i) {
    const u128 room = d - acc;  // acc < d
    if (r >= room) {
      acc = r - room;
      ++digit;
    } else {
      acc += r;
    }
  }
  r = acc;
  return digit;
}

// q, r such that a * 10^k = q * d + r. False when q exceeds `limit`.
bool scaled_divmod(u128 a, u128 d, int k, u128 limit, u128& q, u128& r) {
  u128 scaled;
  if (k <= 38 && !__builtin_mul_overflow(a, detail::kPow10.value[k], &scaled)) {
    q = scaled / d;
    r = scaled % d;
    return q <= limit;
  }
  q = a / d;
  r = a % d;
  for (int i = 0; i < k; ++i) {
    if (q > limit / 10) return false;
    q = q * 10 + times10_divmod(r, d);
  }
  return q <= limit;
}

template <DecimalInt T>
bool dec_div_impl(T a, int a_scale, T b, int b_scale, int result_scale, T& out) {
  if (b == 0) return false;
  // The positive range, so the last round-up can be checked too.
  const u128 limit = static_cast<u128>(std::is_same_v<T, int64_t>
                                           ? u128(std::numeric_limits<int64_t>::max())
                                           : kU128Max >> 1);
  const u128 ua = a < 0 ? u128(0) - u128(i128(a)) : u128(i128(a));
  const u128 ub = b < 0 ? u128(0) - u128(i128(b)) : u128(i128(b));
  const bool negative = (a < 0) != (b < 0);

  // result = a * 10^k / b with k = result_scale - a_scale + b_scale.
  const int k = result_scale - a_scale + b_scale;
  u128 q, r, d;
  if (k >= 0) {
    if (!scaled_divmod(ua, ub, k, limit, q, r)) return false;
    d = ub;
  } else if (-k > 38 || __builtin_mul_overflow(ub, detail::kPow10.value[-k], &d)) {
    out = 0;  // the divisor exceeds 2^128 > 2|a|: the quotient rounds to 0
    return true;
  } else {
    q = ua / d;
    r = ua % d;
  }
  if (r >= d - r) ++q;
  if (q > limit) return false;
  out = negative ? -static_cast<T>(q) : static_cast<T>(q);
  return true;
}

}  // namespace

bool dec_div(int64_t a, int a_scale, int64_t b, int b_scale, int result_scale, int64_t& out) {
  return dec_div_impl(a, a_scale, b, b_scale, result_scale, out);
}

bool dec_div(i128 a, int a_scale, i128 b, int b_scale, int result_scale, i128& out) {
  return dec_div_impl(a, a_scale, b, b_scale, result_scale, out);
}

}  // namespace streamc
