// name: runtime row parse
// description: records parsed into a row struct from its Spec's column list: CSV, flat JSON, simdjson
#include <gtest/gtest.h>

#include <simdjson.h>

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "streamc/arena.h"
#include "streamc/input_buffer.h"
#include "streamc/row_parse.h"

namespace streamc {
namespace {

using namespace std::literals;

// As codegen writes a row: field i has NULL bit i.
struct TradeRow {
  int64_t id = 0;
  std::string_view symbol;
  int64_t price = 0;  // DECIMAL(10,2)
  int32_t day = 0;    // DATE
  bool active = false;
  uint64_t nulls = 0;
  static constexpr uint64_t kIdNull = 1 << 0;
  static constexpr uint64_t kSymbolNull = 1 << 1;
  static constexpr uint64_t kPriceNull = 1 << 2;
  static constexpr uint64_t kDayNull = 1 << 3;
  static constexpr uint64_t kActiveNull = 1 << 4;
};

// A stream's Spec: `id` is NOT NULL.
struct TradeSpec {
  static constexpr std::tuple kColumns = {
      Column<&TradeRow::id>{"id"sv, kBigInt, true},
      Column<&TradeRow::symbol>{"symbol"sv, kVarchar},
      Column<&TradeRow::price>{"price"sv, decimal(10, 2)},
      Column<&TradeRow::day>{"day"sv, kDate},
      Column<&TradeRow::active>{"active"sv, kBoolean},
  };
};

// A table's Spec: `symbol` is its key; `price` and the unread `venue` are its values.
struct QuoteSpec {
  static constexpr std::array<std::string_view, 2> kValueColumns = {"price"sv, "venue"sv};
  static constexpr std::tuple kColumns = {
      Column<&TradeRow::id>{"id"sv, kBigInt},
      Column<&TradeRow::symbol>{"symbol"sv, kVarchar},
      Column<&TradeRow::price>{"price"sv, decimal(10, 2)},
  };
};

TEST(RowParse, NamesAndMessagesAreSpelledAtCompileTime) {
  static_assert(kColumnNames<TradeSpec>.size() == 5);
  static_assert(kColumnNames<TradeSpec>[2] == "price"sv);
  static_assert(detail::ColumnReasons<TradeSpec, 2>::kBadValue.view() == "column 'price' is not a valid DECIMAL(10,2)"sv);
  static_assert(detail::ColumnReasons<TradeSpec, 0>::kNoValue.view() == "column 'id' is NOT NULL but has no value"sv);
  static_assert(detail::type_name(decimal(38, 0)).view() == "DECIMAL(38,0)"sv);
}

std::vector<CsvField> fields(std::initializer_list<std::string_view> texts) {
  std::vector<CsvField> out;
  for (std::string_view t : texts) out.push_back({t, false});
  return out;
}

TEST(RowParse, CsvByPosition) {
  // The file's columns are in another order than the row's fields.
  const std::vector<CsvField> record = fields({"true", "2024-03-01", "12.5", "ACME", "7"});
  const int pos[] = {4, 3, 2, 1, 0, -1};
  TradeRow r;
  std::string_view reason;
  ASSERT_TRUE(parse_csv_row<TradeSpec>(record.data(), pos, r, reason)) << reason;
  EXPECT_EQ(r.nulls, 0u);
  EXPECT_EQ(r.id, 7);
  EXPECT_EQ(r.symbol, "ACME");
  EXPECT_EQ(r.price, 1250);
  EXPECT_EQ(r.day, 19783);
  EXPECT_TRUE(r.active);
}

TEST(RowParse, CsvNullsBadValuesAndNotNull) {
  const int pos[] = {0, 1, 2, 3, 4, -1};
  TradeRow r;
  std::string_view reason;
  // An unquoted empty field is NULL; a quoted one is the empty string.
  std::vector<CsvField> record = fields({"1", "", "", "", ""});
  record[1].quoted = true;
  ASSERT_TRUE(parse_csv_row<TradeSpec>(record.data(), pos, r, reason));
  EXPECT_EQ(r.nulls, TradeRow::kPriceNull | TradeRow::kDayNull | TradeRow::kActiveNull);
  EXPECT_EQ(r.symbol, "");

  EXPECT_FALSE(parse_csv_row<TradeSpec>(fields({"1", "x", "12x", "", ""}).data(), pos, r, reason));
  EXPECT_EQ(reason, "column 'price' is not a valid DECIMAL(10,2)");
  EXPECT_FALSE(parse_csv_row<TradeSpec>(fields({"1", "x", "", "", "maybe"}).data(), pos, r, reason));
  EXPECT_EQ(reason, "column 'active' is not a valid BOOLEAN");
  EXPECT_FALSE(parse_csv_row<TradeSpec>(fields({"", "x", "", "", ""}).data(), pos, r, reason));
  EXPECT_EQ(reason, "column 'id' is NOT NULL but has no value");
}

// A line as a FileReader hands it out: followed by readable padding.
struct Line {
  explicit Line(std::string_view text) : storage(std::string(text) + std::string(InputBuffer::kPadding, ' ')) {}
  std::string_view view() const { return std::string_view(storage).substr(0, storage.size() - InputBuffer::kPadding); }
  std::string storage;
};

bool parse_json(std::string_view text, TradeRow& r, std::string_view& reason, bool& flat) {
  static simdjson::ondemand::parser parser;
  static Arena strings;
  const Line line(text);
  bool has_value = false;
  flat = parse_flat_json_row<TradeSpec>(line.view(), r, has_value);
  return parse_json_row<TradeSpec>(parser, line.view(), r, reason, strings, has_value);
}

TEST(RowParse, JsonFlatAndSimdjsonAgree) {
  TradeRow r;
  std::string_view reason;
  bool flat = false;
  // Plain values: FlatJson reads them; fields nobody reads are skipped.
  ASSERT_TRUE(parse_json(R"({"id": 7, "extra": [1, 2], "symbol": "ACME", "price": 12.5})", r, reason, flat));
  EXPECT_FALSE(flat);  // a nested value: simdjson reads the line
  EXPECT_EQ(r.id, 7);
  EXPECT_EQ(r.symbol, "ACME");
  EXPECT_EQ(r.price, 1250);
  EXPECT_EQ(r.nulls, TradeRow::kDayNull | TradeRow::kActiveNull);

  ASSERT_TRUE(parse_json(R"({"id": 8, "symbol": null, "day": "2024-03-01", "active": false, "x": 1})", r, reason,
                         flat));
  EXPECT_TRUE(flat);
  EXPECT_EQ(r.id, 8);
  EXPECT_EQ(r.day, 19783);
  EXPECT_FALSE(r.active);
  EXPECT_EQ(r.nulls, TradeRow::kSymbolNull | TradeRow::kPriceNull);

  // An escape: simdjson unescapes the string into the arena.
  ASSERT_TRUE(parse_json(R"({"id": 9, "symbol": "A\"B"})", r, reason, flat));
  EXPECT_FALSE(flat);
  EXPECT_EQ(r.symbol, "A\"B");
}

TEST(RowParse, JsonBadRecordsSayWhy) {
  TradeRow r;
  std::string_view reason;
  bool flat = false;
  EXPECT_FALSE(parse_json(R"({"id": 1, "price": "abc"})", r, reason, flat));
  EXPECT_EQ(reason, "column 'price' is not a valid DECIMAL(10,2)");
  EXPECT_FALSE(parse_json(R"({"id": 1, "symbol": 5})", r, reason, flat));
  EXPECT_EQ(reason, "column 'symbol' is not a valid VARCHAR");
  EXPECT_FALSE(parse_json(R"({"symbol": "A"})", r, reason, flat));
  EXPECT_EQ(reason, "column 'id' is NOT NULL but has no value");
  EXPECT_FALSE(parse_json(R"([1, 2])", r, reason, flat));
  EXPECT_EQ(reason, "the line is not a valid JSON object");
}

// Whether a table's JSON record has a value decides upsert or delete, also
// by value columns the queries do not read.
bool table_has_value(std::string_view text, bool flat_expected) {
  simdjson::ondemand::parser parser;
  Arena strings;
  const Line line(text);
  TradeRow r;
  std::string_view reason;
  bool has_value = false;
  EXPECT_EQ(parse_flat_json_row<QuoteSpec>(line.view(), r, has_value), flat_expected) << text;
  bool simdjson_value = false;
  EXPECT_TRUE(detail::parse_json_row_simdjson<QuoteSpec>(parser, line.view(), r, reason, strings, simdjson_value));
  if (flat_expected) EXPECT_EQ(has_value, simdjson_value) << text;
  return simdjson_value;
}

TEST(RowParse, TableRecordsWithoutValueAreDeletes) {
  EXPECT_FALSE(table_has_value(R"({"symbol": "A"})", true));
  EXPECT_FALSE(table_has_value(R"({"symbol": "A", "price": null, "venue": null, "id": 3})", true));
  EXPECT_TRUE(table_has_value(R"({"symbol": "A", "price": 1})", true));
  EXPECT_TRUE(table_has_value(R"({"symbol": "A", "venue": "X"})", true));
  EXPECT_TRUE(table_has_value(R"({"symbol": "A", "venue": {"nested": 1}})", false));
  // The key is not a value.
  EXPECT_FALSE(table_has_value(R"({"symbol": "A", "other": 2})", true));
}

// More than 64 columns: the NULL bits go on into a second word. (Every
// column writes the same field here: only the bits are looked at.)
struct WideRow {
  int64_t v = 0;
  uint64_t nulls[2] = {};
};
template <size_t... I>
constexpr auto wide_columns(std::index_sequence<I...>) {
  return std::tuple{((void)I, Column<&WideRow::v>{"v"sv, kBigInt})...};
}
struct WideSpec {
  static constexpr auto kColumns = wide_columns(std::make_index_sequence<70>{});
};

TEST(RowParse, NullWordsOfWideRows) {
  std::vector<CsvField> record(70, CsvField{"", false});
  record[65].text = "5";
  std::vector<int> pos;
  for (int i = 0; i < 70; ++i) pos.push_back(i);
  pos.push_back(-1);
  WideRow r;
  std::string_view reason;
  ASSERT_TRUE(parse_csv_row<WideSpec>(record.data(), pos.data(), r, reason));
  EXPECT_EQ(r.nulls[0], ~uint64_t(0));
  EXPECT_EQ(r.nulls[1], uint64_t(0x3f) & ~uint64_t(1 << 1));
  EXPECT_EQ(r.v, 5);
}

}  // namespace
}  // namespace streamc
