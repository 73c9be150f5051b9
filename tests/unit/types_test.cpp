// SQL types, the type-name table and the promotion rules; schema inference.
#include <gtest/gtest.h>

#include "sema/schema_discovery.h"
#include "ir/types.h"

namespace streamc {
namespace {

SqlType named(const std::string& name, std::vector<int64_t> params = {}) {
  std::string error;
  auto t = type_from_name(name, params, error);
  EXPECT_TRUE(t.has_value()) << name;
  EXPECT_TRUE(error.empty()) << error;
  return t.value_or(SqlType::null());
}

TEST(Types, Names) {
  EXPECT_EQ(named("integer"), SqlType::integer());
  EXPECT_EQ(named("string"), SqlType::varchar());
  EXPECT_EQ(named("double precision"), SqlType::float64());
  EXPECT_EQ(named("decimal", {10, 2}), SqlType::decimal(10, 2));
  EXPECT_EQ(named("numeric", {5}), SqlType::decimal(5, 0));
  std::string error;
  EXPECT_FALSE(type_from_name("money", {}, error).has_value());
  type_from_name("decimal", {10, 11}, error);
  EXPECT_NE(error.find("scale"), std::string::npos);
}

TEST(Types, CppTypes) {
  EXPECT_EQ(SqlType::decimal(18, 2).cpp_type(), "int64_t");
  EXPECT_EQ(SqlType::decimal(19, 2).cpp_type(), "streamc::i128");
  EXPECT_EQ(SqlType::varchar().cpp_type(), "std::string_view");
  EXPECT_EQ(SqlType::timestamp().cpp_type(), "int64_t");
}

TEST(Types, Promotion) {
  EXPECT_EQ(*common_numeric_type(SqlType::integer(), SqlType::bigint()), SqlType::bigint());
  EXPECT_EQ(*common_numeric_type(SqlType::integer(), SqlType::float64()), SqlType::float64());
  EXPECT_EQ(*common_numeric_type(SqlType::decimal(10, 2), SqlType::decimal(12, 4)), SqlType::decimal(12, 4));
  EXPECT_EQ(*common_numeric_type(SqlType::bigint(), SqlType::decimal(18, 4)), SqlType::decimal(23, 4));
  EXPECT_FALSE(common_numeric_type(SqlType::varchar(), SqlType::integer()).has_value());
  EXPECT_EQ(*common_type(SqlType::null(), SqlType::varchar()), SqlType::varchar());
}

SqlType guess(std::initializer_list<const char*> values) {
  TypeGuess g;
  for (const char* v : values) g.observe_text(v);
  return g.type();
}

TEST(SchemaInference, FromText) {
  EXPECT_EQ(guess({"1", "-20", "300"}), SqlType::bigint());
  EXPECT_EQ(guess({"1", "2.5", "3.25"}), SqlType::decimal(18, 2));
  EXPECT_EQ(guess({"1.5e3"}), SqlType::float64());
  EXPECT_EQ(guess({"true", "FALSE"}), SqlType::boolean());
  EXPECT_EQ(guess({"2025-09-27T09:30:00Z", "2025-09-27 10:00:00"}), SqlType::timestamp());
  EXPECT_EQ(guess({"12", "abc"}), SqlType::varchar());
  EXPECT_EQ(guess({"12345678901234567.25"}), SqlType::decimal(38, 2));
  TypeGuess none;
  EXPECT_EQ(none.type(), SqlType::varchar());
}

}  // namespace
}  // namespace streamc
