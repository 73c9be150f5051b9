// The generators' random numbers: splitmix64, small, fast and identical on
// every platform, so the same seed always gives the same data.
#pragma once

#include <cmath>
#include <cstdint>

namespace datagen {

struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return next() % n; }
  // In (0, 1]: never 0, so its logarithm is finite.
  double unit() { return static_cast<double>((next() >> 11) + 1) / 9007199254740992.0; }
  // Box-Muller, one value of the pair.
  double normal(double sigma) { return sigma * std::sqrt(-2.0 * std::log(unit())) * std::cos(2.0 * M_PI * unit()); }
};

}  // namespace datagen
