// Micro-benchmarks of the runtime pieces a generated pipeline spends its time
// in: JSON and CSV field parsing, decimal arithmetic and output formatting.
//   build/bench/micro/streamc_runtime_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>

#include <simdjson.h>

#include <cstdio>
#include <string>
#include <vector>

#include "streamc/runtime.h"
#include "streamc/scalar.h"

namespace {

using namespace streamc;

// A trade like tools/datagen writes, parsed field by field with simdjson
// On-Demand. `Raw`: as generated code does it, keys compared as written,
// values read in place and strings viewed in the line (unescaped only when
// they hold an escape); otherwise every key and string is unescaped into the
// parser's buffer and each value copied out of its field.
template <bool Raw>
void BM_JsonTradeFields(benchmark::State& state) {
  std::string line =
      R"({"trade_id":123456,"user_id":"u98765","symbol":"ABC","quantity":250,"price":1234.56,"side":"BUY","ts":"2025-09-27T09:30:01.250Z"})";
  line.append(64, '\0');  // padding
  const size_t size = line.size() - 64;
  simdjson::ondemand::parser parser;
  Arena strings;
  for (auto _ : state) {
    simdjson::ondemand::document doc;
    if (json_iterate_line(parser, std::string_view(line.data(), size), doc)) state.SkipWithError("parse");
    simdjson::ondemand::object object;
    if (doc.get_object().get(object)) state.SkipWithError("object");
    int64_t id = 0, price = 0, ts = 0;
    int32_t qty = 0;
    std::string_view user, symbol;
    for (auto field : object) {
      std::string_view key;
      simdjson::ondemand::value copy;
      if constexpr (Raw) {
        if (!json_key(field, key)) break;
      } else {
        if (field.unescaped_key().get(key) || field.value().get(copy)) break;
      }
      // Generated code reads the value in place; copying it out stalls on the bytes just stored.
      simdjson::ondemand::value& value = Raw ? field.value_unsafe().value() : copy;
      if (key == "trade_id") json_to_int64(value, id);
      else if (key == "user_id") Raw ? json_to_string(value, user, strings) : json_to_string(value, user);
      else if (key == "symbol") Raw ? json_to_string(value, symbol, strings) : json_to_string(value, symbol);
      else if (key == "quantity") json_to_int32(value, qty);
      else if (key == "price") json_to_decimal(value, 18, 2, price);
      else if (key == "ts") json_to_timestamp(value, ts);
    }
    benchmark::DoNotOptimize(id + price + ts + qty + static_cast<int64_t>(user.size() + symbol.size()));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * size));
}
BENCHMARK(BM_JsonTradeFields<true>)->Name("BM_JsonTradeFields");
BENCHMARK(BM_JsonTradeFields<false>)->Name("BM_JsonTradeFields_Unescaped");

// The same trade read by FlatJson, as generated code reads a flat line
// before it would hand it to simdjson (the line is padded, as a reader's are).
void BM_JsonTradeFieldsFlat(benchmark::State& state) {
  std::string line =
      R"({"trade_id":123456,"user_id":"u98765","symbol":"ABC","quantity":250,"price":1234.56,"side":"BUY","ts":"2025-09-27T09:30:01.250Z"})";
  const size_t size = line.size();
  line.append(64, '\0');
  for (auto _ : state) {
    benchmark::DoNotOptimize(line.data());
    FlatJson json(std::string_view(line.data(), size));
    int64_t id = 0, price = 0, ts = 0;
    int32_t qty = 0;
    std::string_view user, symbol;
    bool ok = true;
    for (std::string_view key; ok && json.next_key(key);) {
      if (key == "trade_id") ok = json.to_int64(id);
      else if (key == "user_id") ok = json.to_string(user);
      else if (key == "symbol") ok = json.to_string(symbol);
      else if (key == "quantity") ok = json.to_int32(qty);
      else if (key == "price") ok = json.to_decimal(18, 2, price);
      else if (key == "ts") ok = json.to_timestamp(ts);
      else ok = json.skip();
    }
    if (!ok || !json.ended()) state.SkipWithError("flat");
    benchmark::DoNotOptimize(id + price + ts + qty + static_cast<int64_t>(user.size() + symbol.size()));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * size));
}
BENCHMARK(BM_JsonTradeFieldsFlat);

// A CSV file of users, read record by record and converted by column position.
void BM_CsvUserRecords(benchmark::State& state) {
  const std::string path = "/tmp/streamc_runtime_bench_users.csv";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("user_id,name,tier,risk_score,country\n", f);
    for (int i = 0; i < 100000; ++i) std::fprintf(f, "u%d,user %d,premium,%d,GB\n", i, i, i % 100);
    std::fclose(f);
  }
  int64_t records = 0;
  for (auto _ : state) {
    CsvReader reader;
    std::string error;
    if (!reader.open(path, error)) state.SkipWithError("open");
    std::vector<CsvField> fields;
    reader.next(fields);
    while (reader.next(fields) == CsvStatus::Record) {
      int32_t risk = 0;
      parse_int32(fields[3].text, risk);
      benchmark::DoNotOptimize(risk + static_cast<int32_t>(fields[0].text.size()));
      ++records;
    }
  }
  std::remove(path.c_str());
  state.SetItemsProcessed(records);
}
BENCHMARK(BM_CsvUserRecords)->Unit(benchmark::kMillisecond);

void BM_DecimalParse(benchmark::State& state) {
  const std::string_view texts[] = {"1234.56", "0.5", "-98765.4321", "42"};
  size_t i = 0;
  for (auto _ : state) {
    int64_t v = 0;
    parse_decimal(texts[i++ & 3], 18, 2, v);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecimalParse);

// quantity * price as the generated code does it: widened to 128 bits, checked.
void BM_DecimalMultiply(benchmark::State& state) {
  i128 quantity = 250, price = 123456, out = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(quantity);
    bool ok = dec_mul(quantity, price, out) && dec_fits(out, 28);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecimalMultiply);

void BM_DecimalDivide(benchmark::State& state) {
  i128 a = 123456789, b = 345, out = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    bool ok = dec_div(a, 2, b, 0, 6, out);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecimalDivide);

// One output record in JSON lines: the writer's append functions.
void BM_FormatJsonRecord(benchmark::State& state) {
  Writer out;
  std::string error;
  if (!out.open("/dev/null", error)) state.SkipWithError("open");
  for (auto _ : state) {
    out.append(R"({"trade_id":)");
    out.append_int(123456);
    out.append(R"(,"symbol":)");
    out.append_json_string("ABC");
    out.append(R"(,"notional":)");
    out.append_decimal(i128(30864000), 2);
    out.append(R"(,"ts":")");
    out.append_timestamp(1758965401250);
    out.append(R"("})");
    out.end_record();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FormatJsonRecord);

void BM_FormatDouble(benchmark::State& state) {
  char buf[kMaxFormattedLength];
  double v = 1234.5678;
  for (auto _ : state) {
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(format_double(buf, v));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FormatDouble);

}  // namespace

BENCHMARK_MAIN();
