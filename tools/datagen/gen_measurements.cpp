// Deterministic data for the One Billion Row Challenge workload (W4):
// `station;temperature` lines under a header. Each line draws a station
// uniformly from the station list (`name;mean` lines, as
// ../shared/data/1brc-stations.csv has them) and gives it the station's mean
// plus a normal deviation of 10 degrees, clamped to ±99.9, with one decimal.
// The same seed and sizes always give the same bytes.
//
//   gen_measurements --stations FILE --out FILE [--rows N] [--seed S]
#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "random.h"

namespace {

using datagen::Random;

struct Station {
  std::string name;
  int mean_tenths;  // the mean, in tenths of a degree
};

bool read_stations(const char* path, std::vector<Station>& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    const size_t semi = line.find(';');
    if (semi == std::string::npos) continue;
    out.push_back({line.substr(0, semi), static_cast<int>(std::lround(std::atof(line.c_str() + semi + 1) * 10))});
  }
  return !out.empty();
}

int usage() {
  std::fprintf(stderr, "usage: gen_measurements --stations FILE --out FILE [--rows N] [--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const char* stations_path = nullptr;
  const char* out_path = nullptr;
  uint64_t rows = 1000000;
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--stations") && has_value) stations_path = argv[++i];
    else if (!std::strcmp(argv[i], "--out") && has_value) out_path = argv[++i];
    else if (!std::strcmp(argv[i], "--rows") && has_value) rows = std::strtoull(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--seed") && has_value) seed = std::strtoull(argv[++i], nullptr, 10);
    else return usage();
  }
  if (!stations_path || !out_path) return usage();
  std::vector<Station> stations;
  if (!read_stations(stations_path, stations)) {
    std::fprintf(stderr, "gen_measurements: cannot read stations from '%s'\n", stations_path);
    return 1;
  }
  FILE* out = std::fopen(out_path, "wb");
  if (!out) {
    std::fprintf(stderr, "gen_measurements: cannot write '%s'\n", out_path);
    return 1;
  }
  std::vector<char> buffer(1 << 20);
  std::setvbuf(out, buffer.data(), _IOFBF, buffer.size());
  std::fputs("station;temperature\n", out);
  Random random{seed};
  for (uint64_t r = 0; r < rows; ++r) {
    const Station& s = stations[random.below(stations.size())];
    long tenths = s.mean_tenths + std::lround(random.normal(10.0) * 10);
    tenths = std::max(-999L, std::min(999L, tenths));
    const long whole = std::labs(tenths) / 10;
    std::fprintf(out, "%s;%s%ld.%ld\n", s.name.c_str(), tenths < 0 ? "-" : "", whole, std::labs(tenths) % 10);
  }
  return std::fclose(out) == 0 ? 0 : 1;
}
