// Deterministic data for the trades workloads: trades.jsonl (JSON lines),
// users.csv, limits.csv and market.csv. The same seed and sizes always give
// the same bytes, so benchmark runs compare like with like.
//
//   gen_trades --out DIR [--trades N] [--users N] [--limits N] [--symbols N] [--seed S]
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "random.h"

namespace {

using datagen::Random;

std::string symbol_name(uint64_t i) {
  std::string s;
  do {
    s += static_cast<char>('A' + i % 26);
    i /= 26;
  } while (i > 0);
  while (s.size() < 3) s += 'X';
  return s;
}

FILE* open_out(const std::string& dir, const char* name) {
  std::string path = dir + "/" + name;
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::perror(path.c_str());
    std::exit(1);
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  uint64_t trades = 2000000, users = 100000, limits = 50000, symbols = 5000, seed = 42;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    uint64_t value = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--out") out = argv[i + 1];
    else if (flag == "--trades") trades = value;
    else if (flag == "--users") users = value;
    else if (flag == "--limits") limits = value;
    else if (flag == "--symbols") symbols = value;
    else if (flag == "--seed") seed = value;
    else {
      std::fprintf(stderr, "gen_trades: unknown flag %s\n", flag.c_str());
      return 1;
    }
  }
  if (out.empty()) {
    std::fprintf(stderr, "usage: gen_trades --out DIR [--trades N] [--users N] [--limits N] [--symbols N] [--seed S]\n");
    return 1;
  }
  Random rng{seed};
  static const char* kTiers[] = {"standard", "premium", "enterprise", "basic"};
  static const char* kCountries[] = {"US", "GB", "DE", "FR", "JP", "NL", "SG", "CA"};

  FILE* f = open_out(out, "users.csv");
  std::fprintf(f, "user_id,name,tier,risk_score,country\n");
  for (uint64_t u = 0; u < users; ++u) {
    std::fprintf(f, "u%" PRIu64 ",user %" PRIu64 ",%s,%" PRIu64 ",%s\n", u, u, kTiers[rng.below(4)], rng.below(100),
                 kCountries[rng.below(8)]);
  }
  std::fclose(f);

  f = open_out(out, "limits.csv");
  std::fprintf(f, "user_id,position_limit,max_qty\n");
  for (uint64_t u = 0; u < limits; ++u) {
    std::fprintf(f, "u%" PRIu64 ",%" PRIu64 ",%" PRIu64 "\n", u * (users / (limits ? limits : 1)),
                 10000 + rng.below(1000) * 1000, 100 + rng.below(5000));
  }
  std::fclose(f);

  f = open_out(out, "market.csv");
  std::fprintf(f, "symbol,current_price,exchange\n");
  for (uint64_t s = 0; s < symbols; ++s) {
    std::fprintf(f, "%s,%" PRIu64 ".%02" PRIu64 ",%s\n", symbol_name(s).c_str(), 1 + rng.below(2000), rng.below(100),
                 rng.below(2) ? "NASDAQ" : "NYSE");
  }
  std::fclose(f);

  f = open_out(out, "trades.jsonl");
  int64_t ts = 1758965400000;  // 2025-09-27T09:30:00Z
  for (uint64_t t = 0; t < trades; ++t) {
    ts += static_cast<int64_t>(rng.below(20));
    int64_t seconds = ts / 1000;
    int ms = static_cast<int>(ts % 1000);
    int hh = static_cast<int>(seconds / 3600 % 24), mm = static_cast<int>(seconds / 60 % 60),
        ss = static_cast<int>(seconds % 60);
    std::fprintf(f,
                 "{\"trade_id\":%" PRIu64 ",\"user_id\":\"u%" PRIu64 "\",\"symbol\":\"%s\",\"quantity\":%" PRIu64
                 ",\"price\":%" PRIu64 ".%02" PRIu64 ",\"side\":\"%s\",\"ts\":\"2025-09-27T%02d:%02d:%02d.%03dZ\"}\n",
                 t + 1, rng.below(users ? users : 1), symbol_name(rng.below(symbols ? symbols : 1)).c_str(),
                 1 + rng.below(1000), 1 + rng.below(2000), rng.below(100), rng.below(2) ? "BUY" : "SELL", hh, mm, ss,
                 ms);
  }
  std::fclose(f);
  return 0;
}
