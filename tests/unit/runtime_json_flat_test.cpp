// name: runtime json flat
// description: FlatJson reads flat objects of plain values and gives up on
// anything else; on random lines, valid and broken, whatever it accepts the
// simdjson path accepts too, with the same values
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "streamc/input_buffer.h"
#include "streamc/json.h"
#include "streamc/json_flat.h"
#include "streamc/scalar.h"
#include "streamc/scan.h"

namespace streamc {
namespace {

// One row of every type a JSON source can declare.
struct Row {
  int64_t a = 0;           // BIGINT
  std::string_view b;      // VARCHAR
  int64_t c = 0;           // DECIMAL(18,2)
  bool d = false;          // BOOLEAN
  double e = 0;            // DOUBLE
  int64_t f = 0;           // TIMESTAMP
  int32_t g = 0;           // DATE
  int32_t h = 0;           // INT
  uint32_t nulls = 0xff;   // bit i: column i is NULL

  bool operator==(const Row& o) const {
    auto same_double = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
    return a == o.a && b == o.b && c == o.c && d == o.d && same_double(e, o.e) && f == o.f && g == o.g &&
           h == o.h && nulls == o.nulls;
  }
};

// As generated code reads a line with FlatJson.
bool read_flat(std::string_view line, Row& r) {
  r = {};
  FlatJson json(line);
  for (std::string_view key; json.next_key(key);) {
    int bit = -1;
    bool ok = true;
    if (key == "a") {
      if (json.null()) continue;
      ok = json.to_int64(r.a), bit = 0;
    } else if (key == "b") {
      if (json.null()) continue;
      ok = json.to_string(r.b), bit = 1;
    } else if (key == "c") {
      if (json.null()) continue;
      ok = json.to_decimal(18, 2, r.c), bit = 2;
    } else if (key == "d") {
      if (json.null()) continue;
      ok = json.to_bool(r.d), bit = 3;
    } else if (key == "e") {
      if (json.null()) continue;
      ok = json.to_double(r.e), bit = 4;
    } else if (key == "f") {
      if (json.null()) continue;
      ok = json.to_timestamp(r.f), bit = 5;
    } else if (key == "g") {
      if (json.null()) continue;
      ok = json.to_date(r.g), bit = 6;
    } else if (key == "h") {
      if (json.null()) continue;
      ok = json.to_int32(r.h), bit = 7;
    } else {
      ok = json.skip();
    }
    if (!ok) return false;
    if (bit >= 0) r.nulls &= ~(1u << bit);
  }
  return json.ended();
}

// As generated code reads a line with simdjson. `line` is followed by
// InputBuffer::kPadding readable bytes.
bool read_simdjson(simdjson::ondemand::parser& parser, std::string_view line, Row& r, Arena& strings) {
  r = {};
  simdjson::ondemand::document doc;
  simdjson::ondemand::object object;
  if (json_iterate_line(parser, line, doc) || doc.get_object().get(object)) return false;
  for (auto field : object) {
    std::string_view key;
    if (!json_key(field, key)) return false;
    JsonValue& value = field.value_unsafe().value();
    int bit = -1;
    bool ok = true;
    if (key == "a") {
      if (json_is_null(value)) continue;
      ok = json_to_int64(value, r.a), bit = 0;
    } else if (key == "b") {
      if (json_is_null(value)) continue;
      ok = json_to_string(value, r.b, strings), bit = 1;
    } else if (key == "c") {
      if (json_is_null(value)) continue;
      ok = json_to_decimal(value, 18, 2, r.c), bit = 2;
    } else if (key == "d") {
      if (json_is_null(value)) continue;
      ok = json_to_bool(value, r.d), bit = 3;
    } else if (key == "e") {
      if (json_is_null(value)) continue;
      ok = json_to_double(value, r.e), bit = 4;
    } else if (key == "f") {
      if (json_is_null(value)) continue;
      ok = json_to_timestamp(value, r.f), bit = 5;
    } else if (key == "g") {
      if (json_is_null(value)) continue;
      ok = json_to_date(value, r.g), bit = 6;
    } else if (key == "h") {
      if (json_is_null(value)) continue;
      ok = json_to_int32(value, r.h), bit = 7;
    }
    if (!ok) return false;
    if (bit >= 0) r.nulls &= ~(1u << bit);
  }
  return true;
}

// A line followed by the padding every reader leaves after a line.
struct Padded {
  explicit Padded(const std::string& line) : bytes(line + std::string(InputBuffer::kPadding, '\0')), size(line.size()) {}
  std::string_view view() const { return {bytes.data(), size}; }
  std::string bytes;
  size_t size;
};

bool read_padded(const std::string& line, Row& r) { return read_flat(Padded(line).view(), r); }

bool flat(const std::string& line) {
  Row r;
  return read_padded(line, r);
}

TEST(FlatJson, ReadsAFlatObject) {
  Row r;
  ASSERT_TRUE(read_padded(
      R"( { "a" : -42 ,"b":"héllo","c":12.5,"d":true,"e":0.25,"f":"2025-09-27T09:30:00.000Z","g":"2025-09-27","h":7,"x":null} )",
      r));
  EXPECT_EQ(r.a, -42);
  EXPECT_EQ(r.b, "héllo");
  EXPECT_EQ(r.c, 1250);
  EXPECT_TRUE(r.d);
  EXPECT_EQ(r.e, 0.25);
  EXPECT_EQ(r.f, 1758965400000);
  EXPECT_EQ(r.h, 7);
  EXPECT_EQ(r.nulls, 0u);
  ASSERT_TRUE(read_padded(R"({"a":null,"b":null})", r));
  EXPECT_EQ(r.nulls, 0xffu);
  EXPECT_TRUE(flat("{}"));
  EXPECT_TRUE(flat(R"({"a":1,"a":2})"));
}

TEST(FlatJson, GivesUpWhenNotSure) {
  EXPECT_FALSE(flat(R"({"b":"a\"b"})"));            // an escape
  EXPECT_FALSE(flat(R"({"x":{"y":1}})"));           // nested
  EXPECT_FALSE(flat(R"({"a":"42"})"));              // a number in a string
  EXPECT_FALSE(flat(R"({"a":1.0})"));               // not an integer
  EXPECT_FALSE(flat(R"({"a":01})"));                // not JSON
  EXPECT_FALSE(flat(R"({"h":3000000000})"));        // out of INT's range
  EXPECT_FALSE(flat(R"({"e":1e400})"));             // an exponent
  EXPECT_FALSE(flat(R"({"a":1,})"));                // a trailing comma
  EXPECT_FALSE(flat(R"({"a":1} x)"));               // more after the object
  EXPECT_FALSE(flat(R"({"a":1)"));                  // unterminated
  EXPECT_FALSE(flat(R"([1])"));                     // not an object
  EXPECT_FALSE(flat(R"({"x":tru})"));               // a bad literal, even unread
  EXPECT_FALSE(flat(R"({"x":"\x01"})"));            // a control character
  EXPECT_FALSE(flat(std::string("{\"b\":\"\xff\"}")));  // invalid UTF-8
  EXPECT_FALSE(flat(R"({"é":1})"));                 // a key that is not ASCII
}

// Random lines: fields of every column and some unread ones, values of any
// type (often the wrong one), random spaces, and then often a corruption.
std::string random_line(std::mt19937_64& rng) {
  static const char* const kKeys[] = {"a", "b", "c", "d", "e", "f", "g", "h", "x", "yy"};
  static const char* const kValues[] = {
      "0", "-0", "7", "-12", "123456789012345678", "1234567890123456789", "9223372036854775808", "01",
      "1.5", "-0.25", "12.345", "1e3", "2.5E-2", "1.", ".5", "-", "\"s\"", "\"\"", "\"héllo\"",
      "\"a\\\"b\"", "\"\\u00e9\"", "\"42\"", "\"12.50\"", "\"2025-09-27\"", "\"2025-09-27T09:30:00.000Z\"",
      "\"NaN\"", "true", "false", "null", "nul", "[1,2]", "{\"z\":1}", "1758965400000", "3000000000",
      "0.1", "123456789.123", "1e400", "\"\xff\"", "\"\x01\""};
  static const char* const kSpaces[] = {"", "", "", " ", "  ", "\t", "\r"};
  auto pick = [&](const auto& items) { return std::string(items[rng() % std::size(items)]); };
  std::string line = pick(kSpaces) + "{";
  const int fields = static_cast<int>(rng() % 6);
  for (int i = 0; i < fields; ++i) {
    if (i > 0) line += pick(kSpaces) + "," + pick(kSpaces);
    line += "\"" + pick(kKeys) + "\"" + pick(kSpaces) + ":" + pick(kSpaces) + pick(kValues);
  }
  line += pick(kSpaces) + "}" + pick(kSpaces);
  switch (rng() % 4) {
    case 0: line.erase(rng() % line.size(), 1); break;
    case 1: line.insert(rng() % (line.size() + 1), 1, "{}[],:\" 0a-."[rng() % 13]); break;
    default: break;
  }
  return line;
}

TEST(FlatJson, AcceptsOnlyWhatSimdjsonReadsAlike) {
  std::mt19937_64 rng(2026);
  simdjson::ondemand::parser parser;
  Arena strings;
  int accepted = 0, declined = 0;
  for (int i = 0; i < 100000; ++i) {
    const std::string line = random_line(rng);
    const Padded padded(line);
    const std::string_view view = padded.view();
    Row fast, reference;
    if (!read_flat(view, fast)) {
      ++declined;
      continue;
    }
    ++accepted;
    strings.reset();
    ASSERT_TRUE(read_simdjson(parser, view, reference, strings)) << line;
    ASSERT_TRUE(fast == reference) << line;
  }
  // Both outcomes are common, or the test would show little.
  EXPECT_GT(accepted, 10000);
  EXPECT_GT(declined, 10000);
}

}  // namespace
}  // namespace streamc
