// name: runtime allocation
// description: the per-record path allocates nothing once warmed up; uses only
// streamc/runtime.h and simdjson, as a generated program does
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "runtime_test_util.h"
#include "streamc/runtime.h"

namespace {

// Counting replacements of the global allocation functions; they only count
// while `counting` is set and otherwise behave like the defaults.
thread_local bool counting = false;
thread_local uint64_t allocations = 0;

void* counted_malloc(std::size_t n) {
  if (counting) ++allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t n) { return counted_malloc(n); }
void* operator new[](std::size_t n) { return counted_malloc(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace streamc {
namespace {

struct CountAllocations {
  CountAllocations() {
    allocations = 0;
    counting = true;
  }
  ~CountAllocations() { counting = false; }
};

// The counter itself sees an allocation, so a zero below is a measurement.
std::string* kept = nullptr;
TEST(Allocation, CounterSeesAllocations) {
  uint64_t seen = 0;
  {
    CountAllocations scope;
    kept = new std::string(100, 'x');
    seen = allocations;
  }
  delete kept;
  EXPECT_GE(seen, 1u);
}

TEST(Allocation, CsvToJsonPipelineSteadyState) {
  testing_util::TempDir dir;
  std::string csv;
  for (int i = 0; i < 3000; ++i) {
    csv += std::to_string(i) + ",\"user \"\"" + std::to_string(i % 7) + "\"\"\"," +
           std::to_string(i % 500) + "." + std::to_string(i % 100) + ",2025-09-27T09:30:0" +
           std::to_string(i % 10) + "Z,t" + (i % 5 ? "" : ",extra") + "\n";
  }
  CsvReader reader(4096);
  Writer out(8192);
  std::string error;
  ASSERT_TRUE(reader.open(dir.write("in.csv", csv), error));
  ASSERT_TRUE(out.open(dir.file("out.jsonl"), error));
  Arena arena(1024);
  std::vector<CsvField> fields;
  Counters counters;

  auto process = [&] {
    if (reader.next(fields) != CsvStatus::Record) return false;
    ++counters.read;
    int64_t id = 0;
    int64_t amount = 0;
    int64_t ts = 0;
    bool flag = false;
    if (!parse_int64(fields[0].text, id) || !parse_decimal(fields[2].text, 10, 2, amount) ||
        !parse_timestamp(fields[3].text, ts) || !parse_bool(fields[4].text, flag)) {
      return false;
    }
    const std::string_view name = ascii_upper(arena, fields[1].text);
    const std::string_view label = concat(arena, {name, "-", decimal_to_text(arena, amount, 2)});
    out.append("{\"id\":");
    out.append_int(id);
    out.append(",\"label\":");
    out.append_json_string(label);
    out.append(",\"ts\":\"");
    out.append_timestamp(ts);
    out.append("\",\"vip\":");
    out.append_bool(like_match(name, "%3%") && flag);
    out.append_char('}');
    out.end_record();
    ++counters.written;
    arena.reset();
    return true;
  };

  for (int i = 0; i < 500; ++i) ASSERT_TRUE(process());  // warm-up
  // Every record of the steady state is processed: a loop that left early
  // would have measured nothing.
  uint64_t steady = 0, checked = 0;
  {
    CountAllocations scope;
    while (checked < 2500 && process()) ++checked;
    steady = allocations;
  }
  EXPECT_EQ(checked, 2500u);
  EXPECT_EQ(steady, 0u);
  EXPECT_EQ(counters.written, 3000u);
  out.close();
  EXPECT_TRUE(out.ok());
}

TEST(Allocation, JsonLinesSteadyState) {
  testing_util::TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    jsonl += "{\"id\": " + std::to_string(i) + ", \"price\": " + std::to_string(i) +
             ".25, \"sym\": \"S" + std::to_string(i % 13) + "\", \"ts\": \"2025-01-01T00:00:00Z\"}\n";
  }
  FileReader reader(4096);
  std::string error;
  ASSERT_TRUE(reader.open(dir.write("in.jsonl", jsonl), error));
  simdjson::ondemand::parser parser;
  std::string_view line;
  int64_t total = 0;

  auto process = [&] {
    if (!reader.next_line(line)) return false;
    simdjson::ondemand::document doc;
    if (json_iterate_line(parser, line, doc) != simdjson::SUCCESS) return false;
    simdjson::ondemand::value v;
    int64_t id = 0;
    int64_t price = 0;
    int64_t ts = 0;
    std::string_view sym;
    if (doc["id"].get(v) || !json_to_int64(v, id)) return false;
    if (doc["price"].get(v) || !json_to_decimal(v, 18, 2, price)) return false;
    if (doc["sym"].get(v) || !json_to_string(v, sym)) return false;
    if (doc["ts"].get(v) || !json_to_timestamp(v, ts)) return false;
    total += price + static_cast<int64_t>(sym.size());
    return true;
  };

  for (int i = 0; i < 100; ++i) ASSERT_TRUE(process());  // warm-up
  const int64_t warm_total = total;
  uint64_t steady = 0, checked = 0;
  {
    CountAllocations scope;
    while (checked < 2900 && process()) ++checked;
    steady = allocations;
  }
  EXPECT_EQ(checked, 2900u);
  EXPECT_EQ(steady, 0u);
  EXPECT_GT(total, warm_total);  // the steady state read the values, too
}

}  // namespace
}  // namespace streamc
