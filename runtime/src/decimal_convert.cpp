// double -> decimal, following DuckDB's cast so results match the oracle.
#include <cmath>
#include <cstdint>

#include "streamc/decimal.h"

namespace streamc {
namespace {

template <DecimalInt T>
bool double_to_dec_impl(double d, int precision, int scale, T& out) {
  if (precision < 1 || precision > kMaxDecimalDigits<T> || scale < 0 || scale > precision) {
    return false;
  }
  const double scaled = std::round(d * detail::kPow10Double[scale]);
  const double limit = detail::kPow10Double[precision];
  // Written so that NaN fails both comparisons.
  if (!(scaled < limit && scaled > -limit)) return false;
  out = static_cast<T>(scaled);
  return dec_fits(out, precision);
}

}  // namespace

bool double_to_dec(double d, int precision, int scale, int64_t& out) {
  return double_to_dec_impl(d, precision, scale, out);
}

bool double_to_dec(double d, int precision, int scale, i128& out) {
  return double_to_dec_impl(d, precision, scale, out);
}

}  // namespace streamc
