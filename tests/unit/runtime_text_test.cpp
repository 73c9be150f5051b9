// name: runtime text
// description: number/bool parsing from text and the SQL string functions
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "streamc/arena.h"
#include "streamc/text.h"

namespace streamc {
namespace {

TEST(ParseInt, Int64) {
  int64_t v = 0;
  EXPECT_TRUE(parse_int64("42", v));
  EXPECT_EQ(v, 42);
  EXPECT_TRUE(parse_int64("-42", v));
  EXPECT_EQ(v, -42);
  EXPECT_TRUE(parse_int64("+42", v));
  EXPECT_EQ(v, 42);
  EXPECT_TRUE(parse_int64("007", v));
  EXPECT_EQ(v, 7);
  EXPECT_TRUE(parse_int64("9223372036854775807", v));
  EXPECT_EQ(v, std::numeric_limits<int64_t>::max());
  EXPECT_TRUE(parse_int64("-9223372036854775808", v));
  EXPECT_EQ(v, std::numeric_limits<int64_t>::min());
  for (const char* bad : {"", "+", "-", "9223372036854775808", "1.0", "1e3", " 1", "1 ", "+-1",
                          "++1", "0x10", "12a", "abc"}) {
    EXPECT_FALSE(parse_int64(bad, v)) << "'" << bad << "'";
  }
}

TEST(ParseInt, Int32Range) {
  int32_t v = 0;
  EXPECT_TRUE(parse_int32("2147483647", v));
  EXPECT_EQ(v, 2147483647);
  EXPECT_TRUE(parse_int32("-2147483648", v));
  EXPECT_EQ(v, -2147483647 - 1);
  EXPECT_FALSE(parse_int32("2147483648", v));
  EXPECT_FALSE(parse_int32("", v));
}

TEST(ParseDouble, Numbers) {
  double v = 0;
  EXPECT_TRUE(parse_double("1.5", v));
  EXPECT_EQ(v, 1.5);
  EXPECT_TRUE(parse_double("-2e-3", v));
  EXPECT_EQ(v, -0.002);
  EXPECT_TRUE(parse_double("+.5", v));
  EXPECT_EQ(v, 0.5);
  EXPECT_TRUE(parse_double("7", v));
  EXPECT_EQ(v, 7.0);
  EXPECT_TRUE(parse_double("0.1", v));
  EXPECT_EQ(v, 0.1);
  for (const char* bad : {"", "+", "1.5x", " 1", "1 ", "0x1p3", "1e", "+-1", "--1", "e5"}) {
    EXPECT_FALSE(parse_double(bad, v)) << "'" << bad << "'";
  }
}

TEST(ParseDouble, SpecialValues) {
  double v = 0;
  EXPECT_TRUE(parse_double("NaN", v));
  EXPECT_TRUE(std::isnan(v));
  EXPECT_TRUE(parse_double("Infinity", v));
  EXPECT_EQ(v, std::numeric_limits<double>::infinity());
  EXPECT_TRUE(parse_double("-Infinity", v));
  EXPECT_EQ(v, -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(parse_double("inf", v));
  EXPECT_EQ(v, std::numeric_limits<double>::infinity());
}

TEST(ParseDouble, OutOfRangeSaturates) {
  double v = 0;
  EXPECT_TRUE(parse_double("1e400", v));
  EXPECT_EQ(v, std::numeric_limits<double>::infinity());
  EXPECT_TRUE(parse_double("-1.5e400", v));
  EXPECT_EQ(v, -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(parse_double("1e-400", v));
  EXPECT_EQ(v, 0.0);
  EXPECT_TRUE(parse_double("+1e400", v));
  EXPECT_EQ(v, std::numeric_limits<double>::infinity());
}

TEST(ParseBool, Words) {
  bool v = false;
  for (const char* t : {"true", "TRUE", "True", "t", "T", "yes", "Y", "1"}) {
    v = false;
    EXPECT_TRUE(parse_bool(t, v)) << t;
    EXPECT_TRUE(v) << t;
  }
  for (const char* f : {"false", "FALSE", "f", "no", "N", "0"}) {
    v = true;
    EXPECT_TRUE(parse_bool(f, v)) << f;
    EXPECT_FALSE(v) << f;
  }
  for (const char* bad : {"", "2", "on", "off", "tru", "truex", " true", "10"}) {
    EXPECT_FALSE(parse_bool(bad, v)) << bad;
  }
}

TEST(CaseMapping, AsciiOnly) {
  Arena arena;
  EXPECT_EQ(ascii_upper(arena, "Hello, World 1!"), "HELLO, WORLD 1!");
  EXPECT_EQ(ascii_lower(arena, "Hello, World 1!"), "hello, world 1!");
  EXPECT_EQ(ascii_upper(arena, "h\xC3\xA9llo"), "H\xC3\xA9LLO");  // é unchanged
  EXPECT_EQ(ascii_lower(arena, "@[`{"), "@[`{");                   // neighbours of A-Z, a-z
  EXPECT_EQ(ascii_upper(arena, "@[`{"), "@[`{");
  EXPECT_EQ(ascii_upper(arena, ""), "");
}

TEST(Concat, Parts) {
  Arena arena;
  EXPECT_EQ(concat(arena, {"a", "", "bc", "d"}), "abcd");
  EXPECT_EQ(concat(arena, {}), "");
  EXPECT_EQ(concat(arena, {"", ""}), "");
  const std::string_view one = concat(arena, {"x"});
  EXPECT_EQ(one, "x");
}

TEST(Trim, Spaces) {
  EXPECT_EQ(trim("  a b  "), "a b");
  EXPECT_EQ(ltrim("  a b  "), "a b  ");
  EXPECT_EQ(rtrim("  a b  "), "  a b");
  EXPECT_EQ(trim("    "), "");
  EXPECT_EQ(ltrim(""), "");
  EXPECT_EQ(rtrim(" "), "");
  EXPECT_EQ(trim("\ta\t"), "\ta\t");  // SQL TRIM removes spaces only
  const std::string_view s = "  x ";
  EXPECT_EQ(trim(s).data(), s.data() + 2);  // a view, not a copy
}

TEST(Trim, CharacterSets) {
  EXPECT_EQ(trim("xxhixx", "x"), "hi");
  EXPECT_EQ(ltrim("xyxhixy", "xy"), "hixy");
  EXPECT_EQ(rtrim("xyxhixy", "yx"), "xyxhi");
  EXPECT_EQ(trim("xxxx", "x"), "");
  EXPECT_EQ(trim("abc", ""), "abc");
  // Multi-byte characters are removed whole, and only when in the set.
  EXPECT_EQ(trim("\xC3\xA9" "a\xC3\xA9", "\xC3\xA9"), "a");
  EXPECT_EQ(trim("\xC3\xA8" "a", "\xC3\xA9"), "\xC3\xA8" "a");
}

TEST(Utf8, Length) {
  EXPECT_EQ(utf8_length(""), 0);
  EXPECT_EQ(utf8_length("hello"), 5);
  EXPECT_EQ(utf8_length("h\xC3\xA9llo"), 5);
  EXPECT_EQ(utf8_length("\xF0\x9F\x98\x80"), 1);  // one emoji
}

TEST(Utf8Substring, PositiveArguments) {
  EXPECT_EQ(utf8_substring("hello", 1, 3), "hel");
  EXPECT_EQ(utf8_substring("hello", 2, 3), "ell");
  EXPECT_EQ(utf8_substring("hello", 4, 10), "lo");
  EXPECT_EQ(utf8_substring("hello", 6, 1), "");
  EXPECT_EQ(utf8_substring("hello", 10), "");
  EXPECT_EQ(utf8_substring("hello", 2), "ello");
  EXPECT_EQ(utf8_substring("h\xC3\xA9llo", 2, 2), "\xC3\xA9l");
  EXPECT_EQ(utf8_substring("", 1, 1), "");
  EXPECT_EQ(utf8_substring("hello", 2, INT64_MAX), "ello");
}

// The full grid of starts and lengths from -8 to 8 over 'h\u00e9llo',
// generated by DuckDB 1.5 (its general, non-ASCII code path).
TEST(Utf8Substring, MatchesDuckDbGrid) {
  static const char* const kExpected[17][17] = {
      // length -8 .. 8, one row per start -8 .. 8
      {"", "", "", "", "", "", "", "", "", "", "", "", "h", "h\xC3\xA9", "h\xC3\xA9" "l", "h\xC3\xA9" "ll", "h\xC3\xA9" "llo"},
      {"", "", "", "", "", "", "", "", "", "", "", "h", "h\xC3\xA9", "h\xC3\xA9" "l", "h\xC3\xA9" "ll", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo"},
      {"", "", "", "", "", "", "", "", "", "", "h", "h\xC3\xA9", "h\xC3\xA9" "l", "h\xC3\xA9" "ll", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo"},
      {"", "", "", "", "", "", "", "", "", "h", "h\xC3\xA9", "h\xC3\xA9" "l", "h\xC3\xA9" "ll", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo"},
      {"h", "h", "h", "h", "h", "h", "h", "h", "", "\xC3\xA9", "\xC3\xA9" "l", "\xC3\xA9" "ll", "\xC3\xA9" "llo", "\xC3\xA9" "llo", "\xC3\xA9" "llo", "\xC3\xA9" "llo", "\xC3\xA9" "llo"},
      {"h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "\xC3\xA9", "", "l", "ll", "llo", "llo", "llo", "llo", "llo", "llo"},
      {"h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "\xC3\xA9" "l", "l", "", "l", "lo", "lo", "lo", "lo", "lo", "lo", "lo"},
      {"h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "\xC3\xA9" "ll", "ll", "l", "", "o", "o", "o", "o", "o", "o", "o", "o"},
      {"", "", "", "", "", "", "", "", "", "", "h", "h\xC3\xA9", "h\xC3\xA9" "l", "h\xC3\xA9" "ll", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo"},
      {"", "", "", "", "", "", "", "", "", "h", "h\xC3\xA9", "h\xC3\xA9" "l", "h\xC3\xA9" "ll", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo"},
      {"h", "h", "h", "h", "h", "h", "h", "h", "", "\xC3\xA9", "\xC3\xA9" "l", "\xC3\xA9" "ll", "\xC3\xA9" "llo", "\xC3\xA9" "llo", "\xC3\xA9" "llo", "\xC3\xA9" "llo", "\xC3\xA9" "llo"},
      {"h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "h\xC3\xA9", "\xC3\xA9", "", "l", "ll", "llo", "llo", "llo", "llo", "llo", "llo"},
      {"h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "h\xC3\xA9" "l", "\xC3\xA9" "l", "l", "", "l", "lo", "lo", "lo", "lo", "lo", "lo", "lo"},
      {"h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "h\xC3\xA9" "ll", "\xC3\xA9" "ll", "ll", "l", "", "o", "o", "o", "o", "o", "o", "o", "o"},
      {"h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "\xC3\xA9" "llo", "llo", "lo", "o", "", "", "", "", "", "", "", "", ""},
      {"h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "\xC3\xA9" "llo", "llo", "lo", "o", "", "", "", "", "", "", "", "", "", ""},
      {"h\xC3\xA9" "llo", "h\xC3\xA9" "llo", "\xC3\xA9" "llo", "llo", "lo", "o", "", "", "", "", "", "", "", "", "", "", ""},
  };
  for (int start = -8; start <= 8; ++start) {
    for (int length = -8; length <= 8; ++length) {
      EXPECT_EQ(utf8_substring("h\xC3\xA9llo", start, length), kExpected[start + 8][length + 8])
          << "start " << start << " length " << length;
    }
  }
}

TEST(Utf8Substring, EdgeCases) {
  EXPECT_EQ(utf8_substring("hello", 0, 3), "he");
  EXPECT_EQ(utf8_substring("hello", 0), "hello");
  EXPECT_EQ(utf8_substring("hello", -3), "llo");
  EXPECT_EQ(utf8_substring("hello", -8), "hello");
  EXPECT_EQ(utf8_substring("hello", 6), "");
  EXPECT_EQ(utf8_substring("hello", 3, 0), "");
  EXPECT_EQ(utf8_substring("hello", INT64_MIN, INT64_MAX), "hell");  // window ends at 4
  EXPECT_EQ(utf8_substring("hello", INT64_MAX, INT64_MIN), "hello");
  EXPECT_EQ(utf8_substring("hello", INT64_MIN), "hello");
  EXPECT_EQ(utf8_substring("hello", INT64_MAX), "");
  EXPECT_EQ(utf8_substring("", -1, 5), "");
}

TEST(Like, Wildcards) {
  EXPECT_TRUE(like_match("hello", "hello"));
  EXPECT_FALSE(like_match("hello", "Hello"));
  EXPECT_TRUE(like_match("hello", "h%"));
  EXPECT_TRUE(like_match("hello", "%llo"));
  EXPECT_TRUE(like_match("hello", "%l%"));
  EXPECT_TRUE(like_match("hello", "h_llo"));
  EXPECT_TRUE(like_match("hello", "h%l_"));
  EXPECT_TRUE(like_match("hello", "%"));
  EXPECT_TRUE(like_match("", "%"));
  EXPECT_TRUE(like_match("", ""));
  EXPECT_FALSE(like_match("", "_"));
  EXPECT_FALSE(like_match("ab", "_"));
  EXPECT_TRUE(like_match("a", "a%%"));
  EXPECT_FALSE(like_match("hello", "h%x"));
  EXPECT_TRUE(like_match("mississippi", "%iss%ppi"));
  EXPECT_TRUE(like_match("abcabcabd", "%abd"));
  EXPECT_FALSE(like_match("abc", "abcd"));
  EXPECT_FALSE(like_match("abcd", "abc"));
}

TEST(Like, UnderscoreMatchesOneCodePoint) {
  EXPECT_TRUE(like_match("h\xC3\xA9llo", "h_llo"));
  EXPECT_FALSE(like_match("h\xC3\xA9llo", "h__llo"));
  EXPECT_TRUE(like_match("\xF0\x9F\x98\x80x", "_x"));
  EXPECT_TRUE(like_match("a\xC3\xA9\xC3\xA9z", "a%_z"));
}

TEST(Like, Escape) {
  EXPECT_TRUE(like_match("a%", "a\\%", '\\'));
  EXPECT_FALSE(like_match("abc", "a\\%", '\\'));
  EXPECT_TRUE(like_match("a_c", "a\\_c", '\\'));
  EXPECT_FALSE(like_match("abc", "a\\_c", '\\'));
  EXPECT_TRUE(like_match("a\\c", "a\\\\c", '\\'));
  EXPECT_TRUE(like_match("x%y", "%!%%", '!'));
  EXPECT_FALSE(like_match("a\\", "a\\", '\\'));  // ends with the escape
  EXPECT_TRUE(like_match("a\\", "a\\", '\0'));   // no escape character
}

TEST(Like, PathologicalPatternStaysFast) {
  const std::string s(5000, 'a');
  const std::string p = "%a%a%a%a%a%a%a%a%a%b";
  EXPECT_FALSE(like_match(s, p));
  EXPECT_TRUE(like_match(s + "b", p));
}

TEST(ILike, AsciiCaseInsensitive) {
  EXPECT_TRUE(ilike_match("Hello", "hE%"));
  EXPECT_TRUE(ilike_match("HELLO", "h_llo"));
  EXPECT_FALSE(ilike_match("Hello", "x%"));
  EXPECT_TRUE(ilike_match("A%", "a!%", '!'));
}

}  // namespace
}  // namespace streamc
