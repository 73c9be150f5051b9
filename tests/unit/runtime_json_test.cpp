// name: runtime json
// description: typed reads of simdjson On-Demand values, on padded documents
#include <gtest/gtest.h>

#include <cmath>
#include <simdjson.h>

#include <string>

#include "runtime_test_util.h"
#include "streamc/decimal.h"
#include "streamc/format.h"
#include "streamc/input.h"
#include "streamc/json.h"

namespace streamc {
namespace {

// Parses {"v": <json>} and hands the value of "v" to `check`.
template <class Check>
void with_value(const std::string& json, Check check) {
  simdjson::ondemand::parser parser;
  const simdjson::padded_string doc_text("{\"v\": " + json + " }");
  simdjson::ondemand::document doc;
  ASSERT_EQ(parser.iterate(doc_text).get(doc), simdjson::SUCCESS) << json;
  simdjson::ondemand::value v;
  ASSERT_EQ(doc["v"].get(v), simdjson::SUCCESS) << json;
  check(v);
}

bool int64_of(const std::string& json, int64_t& out) {
  bool ok = false;
  with_value(json, [&](JsonValue& v) { ok = json_to_int64(v, out); });
  return ok;
}

TEST(Json, IsNull) {
  with_value("null", [](JsonValue& v) { EXPECT_TRUE(json_is_null(v)); });
  with_value("0", [](JsonValue& v) {
    EXPECT_FALSE(json_is_null(v));
    int64_t x = -1;
    EXPECT_TRUE(json_to_int64(v, x));  // the value is still readable
    EXPECT_EQ(x, 0);
  });
  with_value("\"null\"", [](JsonValue& v) { EXPECT_FALSE(json_is_null(v)); });
}

TEST(Json, Int64) {
  int64_t x = 0;
  EXPECT_TRUE(int64_of("42", x));
  EXPECT_EQ(x, 42);
  EXPECT_TRUE(int64_of("-9223372036854775808", x));
  EXPECT_EQ(x, INT64_MIN);
  EXPECT_FALSE(int64_of("9223372036854775808", x));
  EXPECT_FALSE(int64_of("1.5", x));
  EXPECT_FALSE(int64_of("1e3", x));
  EXPECT_TRUE(int64_of("\"42\"", x));  // a number in a string, as for decimals
  EXPECT_EQ(x, 42);
  EXPECT_FALSE(int64_of("\"4x\"", x));
  EXPECT_FALSE(int64_of("true", x));
  EXPECT_FALSE(int64_of("null", x));
  // Short integers are read from the token; the rest by simdjson, which
  // also rejects what is not JSON.
  EXPECT_TRUE(int64_of("-0", x));
  EXPECT_EQ(x, 0);
  EXPECT_TRUE(int64_of("999999999999999999", x));  // 18 digits
  EXPECT_EQ(x, 999999999999999999);
  EXPECT_TRUE(int64_of("1000000000000000000", x));  // 19
  EXPECT_EQ(x, 1000000000000000000);
  EXPECT_FALSE(int64_of("012", x));
  EXPECT_FALSE(int64_of("-", x));
}

TEST(Json, Int32) {
  auto int32_of = [](const std::string& json, int32_t& out) {
    bool ok = false;
    with_value(json, [&](JsonValue& v) { ok = json_to_int32(v, out); });
    return ok;
  };
  int32_t x = 0;
  EXPECT_TRUE(int32_of("-2147483648", x));
  EXPECT_EQ(x, INT32_MIN);
  EXPECT_TRUE(int32_of("2147483647", x));
  EXPECT_EQ(x, INT32_MAX);
  EXPECT_FALSE(int32_of("2147483648", x));
  EXPECT_TRUE(int32_of("\"1\"", x));
  EXPECT_FALSE(int32_of("\"3000000000\"", x));
}

TEST(Json, Double) {
  with_value("1.5e2", [](JsonValue& v) {
    double d = 0;
    EXPECT_TRUE(json_to_double(v, d));
    EXPECT_EQ(d, 150.0);
  });
  with_value("7", [](JsonValue& v) {
    double d = 0;
    EXPECT_TRUE(json_to_double(v, d));
    EXPECT_EQ(d, 7.0);
  });
  with_value("\"7\"", [](JsonValue& v) {
    double d = 0;
    EXPECT_TRUE(json_to_double(v, d));
    EXPECT_EQ(d, 7.0);
  });
  with_value("\"Infinity\"", [](JsonValue& v) {  // how streamc writes it
    double d = 0;
    EXPECT_TRUE(json_to_double(v, d));
    EXPECT_TRUE(std::isinf(d));
  });
  with_value("\"seven\"", [](JsonValue& v) {
    double d = 0;
    EXPECT_FALSE(json_to_double(v, d));
  });
}

TEST(Json, Bool) {
  with_value("true", [](JsonValue& v) {
    bool b = false;
    EXPECT_TRUE(json_to_bool(v, b));
    EXPECT_TRUE(b);
  });
  with_value("false", [](JsonValue& v) {
    bool b = true;
    EXPECT_TRUE(json_to_bool(v, b));
    EXPECT_FALSE(b);
  });
  with_value("1", [](JsonValue& v) {
    bool b = false;
    EXPECT_FALSE(json_to_bool(v, b));
  });
}

TEST(Json, String) {
  with_value("\"h\\u00e9 \\\"q\\\"\"", [](JsonValue& v) {
    std::string_view s;
    EXPECT_TRUE(json_to_string(v, s));
    EXPECT_EQ(s, "h\xC3\xA9 \"q\"");
  });
  with_value("12", [](JsonValue& v) {
    std::string_view s;
    EXPECT_FALSE(json_to_string(v, s));
  });
  with_value("{\"a\":1}", [](JsonValue& v) {
    std::string_view s;
    EXPECT_FALSE(json_to_string(v, s));
  });
}

std::string decimal_of(const std::string& json, int p, int s) {
  std::string out = "fail";
  with_value(json, [&](JsonValue& v) {
    int64_t d = 0;
    char buf[kMaxFormattedLength];
    if (json_to_decimal(v, p, s, d)) out.assign(buf, format_decimal(buf, d, s));
  });
  return out;
}

TEST(Json, DecimalFromRawNumberText) {
  EXPECT_EQ(decimal_of("0.1", 10, 2), "0.10");
  EXPECT_EQ(decimal_of("-12.345", 10, 2), "-12.35");
  EXPECT_EQ(decimal_of("1.5e3", 10, 2), "1500.00");
  EXPECT_EQ(decimal_of("123456789012345678", 18, 0), "123456789012345678");  // > 2^53
  EXPECT_EQ(decimal_of("\"99.99\"", 4, 2), "99.99");
  EXPECT_EQ(decimal_of("100", 4, 2), "fail");
  EXPECT_EQ(decimal_of("\"abc\"", 4, 2), "fail");
  EXPECT_EQ(decimal_of("\" 1\"", 4, 2), "fail");
  EXPECT_EQ(decimal_of("true", 4, 2), "fail");
  EXPECT_EQ(decimal_of("null", 4, 2), "fail");
  EXPECT_EQ(decimal_of("[1]", 4, 2), "fail");
}

TEST(Json, WideDecimal) {
  with_value("12345678901234567890.123456789", [](JsonValue& v) {
    i128 d = 0;
    EXPECT_TRUE(json_to_decimal(v, 38, 9, d));
    char buf[kMaxFormattedLength];
    EXPECT_EQ(std::string(buf, format_decimal(buf, d, 9)), "12345678901234567890.123456789");
  });
}

TEST(Json, Timestamp) {
  auto ts_of = [](const std::string& json, int64_t& ms) {
    bool ok = false;
    with_value(json, [&](JsonValue& v) { ok = json_to_timestamp(v, ms); });
    return ok;
  };
  int64_t ms = 0;
  EXPECT_TRUE(ts_of("\"2025-09-27T09:30:00Z\"", ms));
  EXPECT_EQ(ms, 1758965400000);
  EXPECT_TRUE(ts_of("1758965400123", ms));
  EXPECT_EQ(ms, 1758965400123);
  EXPECT_TRUE(ts_of("\"1758965400123\"", ms));
  EXPECT_EQ(ms, 1758965400123);
  EXPECT_FALSE(ts_of("\"2025-02-30\"", ms));
  EXPECT_FALSE(ts_of("1.5", ms));
  EXPECT_FALSE(ts_of("true", ms));
}

TEST(Json, ParsesLinesInPlaceFromFileReader) {
  testing_util::TempDir dir;
  FileReader reader(16);  // small, so lines straddle refills
  std::string error;
  ASSERT_TRUE(reader.open(dir.write("in.jsonl",
                                    "{\"id\": 1, \"price\": 10.25, \"sym\": \"AAPL\"}\n"
                                    "{\"id\": 2, \"price\": null, \"sym\": \"MSFT\"}\r\n"
                                    "{\"id\": 3, \"price\": \"7.5\", \"sym\": \"X\"}"),
                          error));
  simdjson::ondemand::parser parser;
  std::string_view line;
  std::string seen;
  while (reader.next_line(line)) {
    simdjson::ondemand::document doc;
    ASSERT_EQ(json_iterate_line(parser, line, doc), simdjson::SUCCESS);
    simdjson::ondemand::object obj;
    ASSERT_EQ(doc.get_object().get(obj), simdjson::SUCCESS);
    for (auto field : obj) {
      std::string_view key;
      ASSERT_EQ(field.unescaped_key().get(key), simdjson::SUCCESS);
      JsonValue v = field.value();
      if (key == "id") {
        int64_t id = 0;
        ASSERT_TRUE(json_to_int64(v, id));
        seen += std::to_string(id) + ":";
      } else if (key == "price") {
        int64_t price = 0;
        if (json_is_null(v)) {
          seen += "null:";
        } else {
          ASSERT_TRUE(json_to_decimal(v, 18, 2, price));
          seen += std::to_string(price) + ":";
        }
      } else {
        std::string_view sym;
        ASSERT_TRUE(json_to_string(v, sym));
        seen += std::string(sym) + ";";
      }
    }
  }
  EXPECT_EQ(seen, "1:1025:AAPL;2:null:MSFT;3:750:X;");
}

TEST(Json, IterateLineGrowsCapacityGeometrically) {
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  std::string line = "[1]";
  ASSERT_EQ(json_iterate_line(parser, line, doc), simdjson::SUCCESS);
  EXPECT_EQ(parser.capacity(), 4096u);
  line = "[" + std::string(5000, ' ') + "1]";
  ASSERT_EQ(json_iterate_line(parser, line, doc), simdjson::SUCCESS);
  EXPECT_EQ(parser.capacity(), 8192u);
  int64_t x = 0;
  simdjson::ondemand::array arr;
  ASSERT_EQ(doc.get_array().get(arr), simdjson::SUCCESS);
  for (auto element : arr) {
    JsonValue v = element.value();
    EXPECT_TRUE(json_to_int64(v, x));
  }
  EXPECT_EQ(x, 1);
  const std::string bad = "{\"a\": tru}";
  simdjson::padded_string padded(bad);
  ASSERT_EQ(json_iterate_line(parser, std::string_view(padded.data(), padded.size()), doc),
            simdjson::SUCCESS);  // On-Demand reports errors when values are read
  simdjson::ondemand::value v;
  bool b = false;
  EXPECT_TRUE(doc["a"].get(v) != simdjson::SUCCESS || !json_to_bool(v, b));
}

}  // namespace
}  // namespace streamc
