// W2 by hand: the baseline for examples/trades/enrich.sql, written as a
// careful engineer would without streamc (and without its runtime). Loads
// users.csv, limits.csv and market.csv into std::unordered_map keyed by
// string, then for each trade (JSON lines) with quantity * price > 10000
// joins all three (inner joins) and writes a JSON line {"trade_id","symbol",
// "quantity","tier","risk_score","position_limit","current_price","notional"}.
//
//   hand_w2 TRADES USERS LIMITS MARKET OUT
//
// Input is read in 1 MiB chunks; each line is parsed in place by simdjson
// On-Demand, iterating the object's fields and comparing keys (the chunk
// buffer keeps SIMDJSON_PADDING bytes after the data, as simdjson needs).
// Output goes through a 1 MiB buffer written with fwrite.
//
// Assumes what gen_trades writes, as far as it differs from streamc's full
// semantics (docs/semantics.md): every JSON field present, not null, and a
// JSON number where a number is expected (anything else stops the program
// with an error, where streamc would read NULL or a number in a string);
// prices with at most 2 fraction digits (streamc rounds more); quantity *
// price in cents fits int64.
// CSV: a header line, then lines ending in '\n', no quoting and no empty
// fields (streamc reads an empty field as NULL); a later row with the same
// key replaces the earlier one, as in streamc.
#include "hand_io.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

using hand::die;
using hand::LineReader;
using hand::Output;
using hand::parse_cents;

int64_t parse_int(std::string_view s) {
  int64_t v = 0;
  if (std::from_chars(s.data(), s.data() + s.size(), v).ec != std::errc())
    die("not an integer", std::string(s).c_str());
  return v;
}

// A CSV file with a header: the fields of each line, split on commas.
class Csv {
 public:
  explicit Csv(const char* path) : in_(path), path_(path) {
    if (!next()) die(path, "no header line");
    header_ = std::vector<std::string>(fields.begin(), fields.end());
  }
  size_t column(std::string_view name) const {
    for (size_t i = 0; i < header_.size(); ++i)
      if (header_[i] == name) return i;
    die(path_, ("no column " + std::string(name)).c_str());
  }
  bool next() {
    std::string_view line;
    do {
      if (!in_.next(line)) return false;
    } while (line.empty());
    fields.clear();
    for (size_t start = 0;;) {
      const size_t comma = line.find(',', start);
      fields.push_back(line.substr(start, comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (!header_.empty() && fields.size() != header_.size())
      die(path_, "a line has the wrong number of fields");
    return true;
  }
  std::vector<std::string_view> fields;

 private:
  LineReader in_;
  const char* path_;
  std::vector<std::string> header_;
};

// std::unordered_map<std::string, T> that finds by string_view without a copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct User {
  std::string tier;
  int64_t risk_score;
};

}  // namespace

int main(int argc, char** argv) {
  hand::g_program = "hand_w2";
  if (argc != 6) {
    std::fprintf(stderr, "usage: hand_w2 TRADES USERS LIMITS MARKET OUT\n");
    return 2;
  }
  StringMap<User> users;
  {
    Csv csv(argv[2]);
    const size_t id = csv.column("user_id"), tier = csv.column("tier"), risk = csv.column("risk_score");
    while (csv.next())
      users.insert_or_assign(std::string(csv.fields[id]),
                             User{std::string(csv.fields[tier]), parse_int(csv.fields[risk])});
  }
  StringMap<int64_t> limits;  // position_limit
  {
    Csv csv(argv[3]);
    const size_t id = csv.column("user_id"), limit = csv.column("position_limit");
    while (csv.next()) limits.insert_or_assign(std::string(csv.fields[id]), parse_int(csv.fields[limit]));
  }
  StringMap<int64_t> market;  // current_price in cents
  {
    Csv csv(argv[4]);
    const size_t symbol = csv.column("symbol"), price = csv.column("current_price");
    while (csv.next())
      market.insert_or_assign(std::string(csv.fields[symbol]), parse_cents(csv.fields[price]));
  }

  LineReader in(argv[1]);
  Output out(argv[5]);
  simdjson::ondemand::parser parser;
  std::string_view line;
  try {
    while (in.next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      simdjson::ondemand::document doc =
          parser.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING);
      int64_t trade_id = 0, quantity = 0, price = 0;
      std::string_view user_id, symbol;
      int seen = 0;
      for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key();
        if (key == "trade_id") { trade_id = field.value().get_int64(); seen |= 1; }
        else if (key == "user_id") { user_id = field.value().get_string(); seen |= 2; }
        else if (key == "symbol") { symbol = field.value().get_string(); seen |= 4; }
        else if (key == "quantity") { quantity = field.value().get_int64(); seen |= 8; }
        else if (key == "price") { price = parse_cents(field.value().raw_json_token()); seen |= 16; }
      }
      if (seen != 31) die("a field is missing", std::string(line).c_str());
      const int64_t notional = quantity * price;
      if (notional <= 10000 * 100) continue;
      const auto u = users.find(user_id);
      if (u == users.end()) continue;
      const auto l = limits.find(user_id);
      if (l == limits.end()) continue;
      const auto m = market.find(symbol);
      if (m == market.end()) continue;
      out.put("{\"trade_id\":");
      out.put_int(trade_id);
      out.put(",\"symbol\":");
      out.put_json_string(symbol);
      out.put(",\"quantity\":");
      out.put_int(quantity);
      out.put(",\"tier\":");
      out.put_json_string(u->second.tier);
      out.put(",\"risk_score\":");
      out.put_int(u->second.risk_score);
      out.put(",\"position_limit\":");
      out.put_int(l->second);
      out.put(",\"current_price\":");
      out.put_cents(m->second);
      out.put(",\"notional\":");
      out.put_cents(notional);
      out.put('}');
      out.end_line();
    }
  } catch (const simdjson::simdjson_error& e) {
    die("bad JSON", e.what());
  }
  out.close();
  return 0;
}
