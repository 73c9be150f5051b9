// W1 by hand: the baseline for bench/queries/w1_filter_project.sql, written
// as a careful engineer would without streamc (and without its runtime).
// Reads trades (JSON lines), keeps quantity * price > 100000, writes JSON
// lines {"trade_id","symbol","quantity","price","notional"}.
//
//   hand_w1 TRADES OUT
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
#include "hand_io.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using hand::die;
using hand::LineReader;
using hand::Output;
using hand::parse_cents;

}  // namespace

int main(int argc, char** argv) {
  hand::g_program = "hand_w1";
  if (argc != 3) {
    std::fprintf(stderr, "usage: hand_w1 TRADES OUT\n");
    return 2;
  }
  LineReader in(argv[1]);
  Output out(argv[2]);
  simdjson::ondemand::parser parser;
  std::string_view line;
  try {
    while (in.next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      simdjson::ondemand::document doc =
          parser.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING);
      int64_t trade_id = 0, quantity = 0, price = 0;
      std::string_view symbol;
      int seen = 0;
      for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key();
        if (key == "trade_id") { trade_id = field.value().get_int64(); seen |= 1; }
        else if (key == "symbol") { symbol = field.value().get_string(); seen |= 2; }
        else if (key == "quantity") { quantity = field.value().get_int64(); seen |= 4; }
        else if (key == "price") { price = parse_cents(field.value().raw_json_token()); seen |= 8; }
      }
      if (seen != 15) die("a field is missing", std::string(line).c_str());
      const int64_t notional = quantity * price;
      if (notional <= 100000 * 100) continue;
      out.put("{\"trade_id\":");
      out.put_int(trade_id);
      out.put(",\"symbol\":");
      out.put_json_string(symbol);
      out.put(",\"quantity\":");
      out.put_int(quantity);
      out.put(",\"price\":");
      out.put_cents(price);
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
