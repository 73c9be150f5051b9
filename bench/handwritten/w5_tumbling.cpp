// W5 by hand: the baseline for bench/queries/w5_tumbling.sql, written as a
// careful engineer would without streamc. Reads trades (JSON lines) and
// writes, per one-minute window of their `ts` and per symbol, the count,
// the volume, the mean, lowest and highest price, as JSON lines
// {"symbol","window_start","trades","volume","avg_price","low","high"}: each
// window once the first trade of a later minute arrives (the last at the
// end), its symbols in the order they first traded in it.
//
//   hand_w5 TRADES OUT
//
// Assumes what gen_trades writes, as far as it differs from streamc's full
// semantics: trades in time order (a trade before the current minute stops
// the program, where streamc would count it late), every field present,
// timestamps as YYYY-MM-DDTHH:MM:SS.mmmZ, prices with at most 2 fraction
// digits. The mean is exact, as streamc's AVG of a DECIMAL is: the sum in
// cents divided by the count, rounded half away from zero to 6 decimals.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hand_io.h"

namespace {

using hand::die;

// A symbol's bar in the current window; `window` says which window it was last reset for.
struct Bar {
  std::string symbol;
  int64_t window = -1;
  int64_t trades = 0, volume = 0, sum_cents = 0, low = 0, high = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

int digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') die("not a timestamp", std::string(s).c_str());
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// "2025-09-27T09:30:00.123Z" → milliseconds since the epoch.
int64_t parse_ms(std::string_view s) {
  const int64_t days = days_from_civil(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  const int64_t seconds = days * 86400 + digits(s, 11, 2) * 3600 + digits(s, 14, 2) * 60 + digits(s, 17, 2);
  return seconds * 1000 + (s.size() > 20 && s[19] == '.' ? digits(s, 20, 3) : 0);
}

// "2025-09-27T09:30:00.000Z", quoted.
std::string timestamp_text(int64_t ms) {
  int64_t days = ms / 86400000, rest = ms % 86400000;
  if (rest < 0) {
    rest += 86400000;
    --days;
  }
  // civil_from_days
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  char text[40];
  const int n = std::snprintf(text, sizeof text, "\"%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ\"", static_cast<long long>(y),
                              m, d, static_cast<int>(rest / 3600000), static_cast<int>(rest / 60000 % 60),
                              static_cast<int>(rest / 1000 % 60), static_cast<int>(rest % 1000));
  return std::string(text, static_cast<size_t>(n));
}

// sum / count cents as a decimal with 6 fraction digits, half away from zero.
void put_mean(hand::Output& out, int64_t sum_cents, int64_t count) {
  const __int128 scaled = static_cast<__int128>(sum_cents) * 10000;
  __int128 q = scaled / count;
  const __int128 r = scaled % count;
  if (2 * (r < 0 ? -r : r) >= count) q += scaled < 0 ? -1 : 1;
  if (q < 0) {
    out.put('-');
    q = -q;
  }
  out.put_int(static_cast<int64_t>(q / 1000000));
  out.put('.');
  char digits[6];
  int64_t fraction = static_cast<int64_t>(q % 1000000);
  for (int i = 5; i >= 0; --i, fraction /= 10) digits[i] = static_cast<char>('0' + fraction % 10);
  out.put(std::string_view(digits, 6));
}

class Bars {
 public:
  explicit Bars(hand::Output& out) : out_(out) {}

  void add(std::string_view symbol, int64_t ts, int64_t quantity, int64_t price) {
    const int64_t start = (ts >= 0 ? ts : ts - 59999) / 60000 * 60000;
    if (start != start_) {
      if (!order_.empty() && start < start_) die("trades out of time order", std::string(symbol).c_str());
      flush();
      start_ = start;
      start_text_ = timestamp_text(start);
    }
    key_.assign(symbol);
    auto [it, fresh] = index_.try_emplace(key_, bars_.size());
    if (fresh) bars_.push_back({key_});
    Bar& b = bars_[it->second];
    if (b.window != start_) {  // the symbol's first trade in this window
      b = {std::move(b.symbol), start_, 0, 0, 0, price, price};
      order_.push_back(it->second);
    }
    ++b.trades;
    b.volume += quantity;
    b.sum_cents += price;
    if (price < b.low) b.low = price;
    if (price > b.high) b.high = price;
  }

  // Writes the current window's bars, in first-trade order.
  void flush() {
    for (size_t i : order_) {
      const Bar& b = bars_[i];
      out_.put("{\"symbol\":");
      out_.put_json_string(b.symbol);
      out_.put(",\"window_start\":");
      out_.put(start_text_);
      out_.put(",\"trades\":");
      out_.put_int(b.trades);
      out_.put(",\"volume\":");
      out_.put_int(b.volume);
      out_.put(",\"avg_price\":");
      put_mean(out_, b.sum_cents, b.trades);
      out_.put(",\"low\":");
      out_.put_cents(b.low);
      out_.put(",\"high\":");
      out_.put_cents(b.high);
      out_.put('}');
      out_.end_line();
    }
    order_.clear();
  }

 private:
  hand::Output& out_;
  int64_t start_ = 0;
  std::string start_text_;
  std::vector<Bar> bars_;      // one per symbol ever seen
  std::vector<size_t> order_;  // this window's bars, in first-trade order
  std::unordered_map<std::string, size_t> index_;
  std::string key_;
};

}  // namespace

int main(int argc, char** argv) {
  hand::g_program = "hand_w5";
  if (argc != 3) {
    std::fprintf(stderr, "usage: hand_w5 TRADES OUT\n");
    return 2;
  }
  hand::LineReader in(argv[1]);
  hand::Output out(argv[2]);
  Bars bars(out);
  simdjson::ondemand::parser parser;
  std::string_view line;
  try {
    while (in.next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      simdjson::ondemand::document doc =
          parser.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING);
      int64_t quantity = 0, price = 0, ts = 0;
      std::string_view symbol;
      int seen = 0;
      for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key();
        if (key == "symbol") { symbol = field.value().get_string(); seen |= 1; }
        else if (key == "quantity") { quantity = field.value().get_int64(); seen |= 2; }
        else if (key == "price") { price = hand::parse_cents(field.value().raw_json_token()); seen |= 4; }
        else if (key == "ts") { ts = parse_ms(field.value().get_string()); seen |= 8; }
      }
      if (seen != 15) die("a field is missing", std::string(line).c_str());
      bars.add(symbol, ts, quantity, price);
    }
  } catch (const simdjson::simdjson_error& e) {
    die("bad JSON", e.what());
  }
  bars.flush();
  out.close();
  return 0;
}
