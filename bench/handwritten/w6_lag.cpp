// W6 by hand: the baseline for bench/queries/w6_lag.sql, written as a
// careful engineer would without streamc. Reads trades (JSON lines) and
// writes each with the change from its symbol's previous price, as JSON
// lines {"trade_id","symbol","price","change"} (change null for a symbol's
// first trade).
//
//   hand_w6 TRADES OUT
//
// Assumes what gen_trades writes, as far as it differs from streamc's full
// semantics: every field present, prices with at most 2 fraction digits.
#include <string>
#include <string_view>
#include <unordered_map>

#include "hand_io.h"

int main(int argc, char** argv) {
  hand::g_program = "hand_w6";
  if (argc != 3) {
    std::fprintf(stderr, "usage: hand_w6 TRADES OUT\n");
    return 2;
  }
  hand::LineReader in(argv[1]);
  hand::Output out(argv[2]);
  std::unordered_map<std::string, int64_t> last_price;  // cents, per symbol
  std::string key;
  simdjson::ondemand::parser parser;
  std::string_view line;
  try {
    while (in.next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      simdjson::ondemand::document doc =
          parser.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING);
      int64_t trade_id = 0, price = 0;
      std::string_view symbol;
      int seen = 0;
      for (auto field : doc.get_object()) {
        const std::string_view k = field.unescaped_key();
        if (k == "trade_id") { trade_id = field.value().get_int64(); seen |= 1; }
        else if (k == "symbol") { symbol = field.value().get_string(); seen |= 2; }
        else if (k == "price") { price = hand::parse_cents(field.value().raw_json_token()); seen |= 4; }
      }
      if (seen != 7) hand::die("a field is missing", std::string(line).c_str());
      key.assign(symbol);
      auto [it, first] = last_price.try_emplace(key, price);
      out.put("{\"trade_id\":");
      out.put_int(trade_id);
      out.put(",\"symbol\":");
      out.put_json_string(symbol);
      out.put(",\"price\":");
      out.put_cents(price);
      out.put(",\"change\":");
      if (first) {
        out.put("null");
      } else {
        out.put_cents(price - it->second);
        it->second = price;
      }
      out.put('}');
      out.end_line();
    }
  } catch (const simdjson::simdjson_error& e) {
    hand::die("bad JSON", e.what());
  }
  out.close();
  return 0;
}
