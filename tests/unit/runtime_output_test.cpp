// name: runtime output
// description: Writer buffering at record boundaries, value formatting, JSON and CSV quoting, one column per type (sink_fields.h)
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <string>

#include "runtime_test_util.h"
#include "streamc/output.h"
#include "streamc/sink_fields.h"

namespace streamc {
namespace {

using namespace std::literals;
using testing_util::read_file;
using testing_util::TempDir;

// Runs `fill` against a Writer on a temp file and returns what reached disk.
template <class Fill>
std::string written(Fill fill) {
  TempDir dir;
  const std::string path = dir.file("out.txt");
  {
    Writer w;
    std::string error;
    EXPECT_TRUE(w.open(path, error)) << error;
    fill(w);
    w.close();
    EXPECT_TRUE(w.ok()) << w.error();
  }
  return read_file(path);
}

TEST(Writer, AppendsValues) {
  const std::string out = written([](Writer& w) {
    w.append("s=");
    w.append_char('!');
    w.append_int(-42);
    w.append_char(' ');
    w.append_double(3.0);
    w.append_char(' ');
    w.append_decimal(int64_t{-5}, 2);
    w.append_char(' ');
    w.append_decimal(i128{1230}, 2);
    w.append_char(' ');
    w.append_timestamp(1758965400000);
    w.append_char(' ');
    w.append_bool(true);
    w.append_bool(false);
    w.end_record();
  });
  EXPECT_EQ(out, "s=!-42 3.0 -0.05 12.30 2025-09-27T09:30:00.000Z truefalse\n");
}

TEST(Writer, SpecialDoubles) {
  EXPECT_EQ(written([](Writer& w) {
              w.append_double(std::nan(""));
              w.append_char(',');
              w.append_double(-INFINITY);
              w.append_char(',');
              w.append_double(0.1);
            }),
            "NaN,-Infinity,0.1");
}

TEST(Writer, FlushesOnlyWholeRecords) {
  TempDir dir;
  const std::string path = dir.file("out.txt");
  Writer w(16);
  std::string error;
  ASSERT_TRUE(w.open(path, error));
  w.append("0123456789");
  EXPECT_EQ(read_file(path), "");
  w.end_record();  // 11 bytes: below the threshold
  w.append("abcdefghij");
  EXPECT_EQ(read_file(path), "");  // half a record is never written
  w.end_record();  // 22 bytes: written out
  EXPECT_EQ(read_file(path), "0123456789\nabcdefghij\n");
  w.append("tail");
  w.end_record();
  w.flush();
  EXPECT_EQ(read_file(path), "0123456789\nabcdefghij\ntail\n");
}

TEST(Writer, RecordLargerThanBufferGrows) {
  const std::string big(300000, 'x');
  std::string expected;
  const std::string out = written([&](Writer& w) {
    for (int i = 0; i < 3; ++i) {
      w.append(big);
      w.append_int(i);
      w.end_record();
      expected += big + std::to_string(i) + "\n";
    }
  });
  EXPECT_EQ(out, expected);
}

TEST(Writer, ManyRecordsAcrossFlushes) {
  std::string expected;
  const std::string out = written([&](Writer& w) {
    for (int i = 0; i < 50000; ++i) {
      w.append_int(i);
      w.append_char(',');
      w.append_json_string("v");
      w.end_record();
      expected += std::to_string(i) + ",\"v\"\n";
    }
  });
  EXPECT_EQ(out, expected);
}

TEST(Writer, DestructorFlushes) {
  TempDir dir;
  const std::string path = dir.file("out.txt");
  {
    Writer w;
    std::string error;
    ASSERT_TRUE(w.open(path, error));
    w.append("kept");
    w.end_record();
  }
  EXPECT_EQ(read_file(path), "kept\n");
}

TEST(Writer, OpenTruncatesAndCreatesDirectories) {
  TempDir dir;
  const std::string path = dir.file("a/b/out.csv");
  std::string error;
  {
    Writer w;
    ASSERT_TRUE(w.open(path, error)) << error;
    w.append("first version that is long");
    w.end_record();
  }
  {
    Writer w;
    ASSERT_TRUE(w.open(path, error)) << error;
    w.append("second");
    w.end_record();
  }
  EXPECT_EQ(read_file(path), "second\n");
}

TEST(Writer, OpenErrors) {
  TempDir dir;
  Writer w;
  std::string error;
  const std::string blocker = dir.write("file", "x");
  EXPECT_FALSE(w.open(blocker + "/out.csv", error));
  EXPECT_EQ(error, "cannot open '" + blocker + "/out.csv': Not a directory");
  EXPECT_FALSE(w.open(blocker + "/sub/out.csv", error));
  EXPECT_EQ(error, "cannot create directory '" + blocker + "/sub': Not a directory");
  EXPECT_FALSE(w.is_open());
}

TEST(Writer, WriteErrorIsReportedNotThrown) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);  // nobody reads: writes fail with EPIPE
  std::signal(SIGPIPE, SIG_IGN);
  Writer w(4);
  w.open_fd(fds[1], true, "<pipe>");
  w.append("record");
  w.end_record();
  EXPECT_FALSE(w.ok());
  EXPECT_EQ(w.error(), "error writing '<pipe>': Broken pipe");
  w.append("more");
  w.end_record();  // later records are dropped, the first error stays
  EXPECT_EQ(w.error(), "error writing '<pipe>': Broken pipe");
  w.close();
  std::signal(SIGPIPE, SIG_DFL);
}

// Written behind: the same bytes in the same order, small buffers so that
// many of them are in flight one after another, records larger than a
// buffer included.
TEST(Writer, WriteBehindKeepsBytesAndOrder) {
  TempDir dir;
  const std::string path = dir.file("out.txt");
  std::string expected;
  {
    Writer w(64);
    std::string error;
    ASSERT_TRUE(w.open(path, error)) << error;
    w.write_behind(true);
    for (int i = 0; i < 100000; ++i) {
      w.append_int(i);
      if (i % 9973 == 0) w.append(std::string(100000, 'x'));
      w.end_record();
      expected += std::to_string(i) + (i % 9973 == 0 ? std::string(100000, 'x') : "") + "\n";
    }
    w.flush();  // returns once written
    EXPECT_EQ(read_file(path), expected);
    w.append("last");
    w.end_record();
  }
  EXPECT_EQ(read_file(path), expected + "last\n");
}

TEST(Writer, WriteBehindTurnedOffWritesHere) {
  const std::string out = written([](Writer& w) {
    w.write_behind(true);
    w.append("a");
    w.end_record();
    w.write_behind(false);  // flushes what the thread holds first
    w.append("b");
    w.end_record();
  });
  EXPECT_EQ(out, "a\nb\n");
}

TEST(Writer, WriteBehindReportsTheFirstError) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  std::signal(SIGPIPE, SIG_IGN);
  Writer w(4);
  w.open_fd(fds[1], true, "<pipe>");
  w.write_behind(true);
  w.append("record");
  w.end_record();  // handed to the thread; the error shows at the next hand-off or flush
  w.flush();
  EXPECT_FALSE(w.ok());
  EXPECT_EQ(w.error(), "error writing '<pipe>': Broken pipe");
  w.append("more");
  w.end_record();
  w.close();
  EXPECT_EQ(w.error(), "error writing '<pipe>': Broken pipe");
  std::signal(SIGPIPE, SIG_DFL);
}

TEST(Writer, FlushWithoutOpenIsAnError) {
  Writer w;
  w.append("lost");
  w.flush();
  EXPECT_FALSE(w.ok());
  EXPECT_EQ(w.error(), "write to a closed output");
}

std::string json(std::string_view s) {
  return written([&](Writer& w) { w.append_json_string(s); });
}

TEST(Writer, JsonStringEscaping) {
  EXPECT_EQ(json(""), "\"\"");
  EXPECT_EQ(json("plain"), "\"plain\"");
  EXPECT_EQ(json("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(json(std::string_view("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(json("h\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), "\"h\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST(Writer, JsonStringReplacesInvalidUtf8) {
  EXPECT_EQ(json("a\xFFz"), "\"a\\ufffdz\"");
  EXPECT_EQ(json("\xC3"), "\"\\ufffd\"");                  // truncated sequence
  EXPECT_EQ(json("\xC0\xAF"), "\"\\ufffd\\ufffd\"");       // overlong '/'
  EXPECT_EQ(json("\xED\xA0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");  // surrogate
  EXPECT_EQ(json("\xF4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");  // > U+10FFFF
  EXPECT_EQ(json("\xE2\x82"), "\"\\ufffd\\ufffd\"");
}

std::string csv(std::string_view s, char sep = ',') {
  return written([&](Writer& w) { w.append_csv_field(s, sep); });
}

TEST(Writer, CsvFieldQuoting) {
  EXPECT_EQ(csv("plain"), "plain");
  EXPECT_EQ(csv(""), "\"\"");
  EXPECT_EQ(csv("a,b"), "\"a,b\"");
  EXPECT_EQ(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv("\""), "\"\"\"\"");
  EXPECT_EQ(csv("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csv(" lead"), "\" lead\"");
  EXPECT_EQ(csv("trail "), "\"trail \"");
  EXPECT_EQ(csv("in side"), "in side");
  EXPECT_EQ(csv("a,b", '\t'), "a,b");
  EXPECT_EQ(csv("a\tb", '\t'), "\"a\tb\"");
}

// One column of an output record per type, in JSON and in CSV, NULL or not.
TEST(SinkFields, JsonRecord) {
  const std::string out = written([](Writer& w) {
    json_field<kBigInt>(w, "{\"id\":"sv, false, int64_t(-7));
    json_field<kVarchar>(w, ",\"name\":"sv, false, "a\"b"sv);
    json_field<decimal(18, 2)>(w, ",\"price\":"sv, false, int64_t(1250));
    json_field<decimal(38, 3)>(w, ",\"wide\":"sv, false, i128(-5));
    json_field<kDouble>(w, ",\"ratio\":"sv, false, 0.5);
    json_field<kBoolean>(w, ",\"ok\":"sv, false, true);
    json_field<kTimestamp>(w, ",\"ts\":"sv, false, int64_t(0));
    json_field<kDate>(w, ",\"day\":"sv, false, int32_t(19783));
    json_field<kInterval>(w, ",\"gap\":"sv, false, int64_t(60000));
    json_field<kBigInt>(w, ",\"missing\":"sv, true, int64_t(99));
    json_field<kNull>(w, ",\"nothing\":"sv, true, false);
    w.append_char('}');
    w.end_record();
  });
  EXPECT_EQ(out,
            "{\"id\":-7,\"name\":\"a\\\"b\",\"price\":12.50,\"wide\":-0.005,\"ratio\":0.5,\"ok\":true,"
            "\"ts\":\"1970-01-01T00:00:00.000Z\",\"day\":\"2024-03-01\",\"gap\":60000,\"missing\":null,"
            "\"nothing\":null}\n");
}

TEST(SinkFields, CsvRecord) {
  const std::string out = written([](Writer& w) {
    csv_field<kVarchar>(w, true, false, "x,y"sv);
    csv_field<kBigInt>(w, false, true, int64_t(1));  // NULL: an empty field
    csv_field<kDouble>(w, false, false, 1e16);
    csv_field<kTimestamp>(w, false, false, int64_t(1000));
    csv_field<kDate>(w, false, false, int32_t(0));
    csv_field<decimal(10, 1)>(w, false, false, int64_t(5));
    w.end_record();
  });
  EXPECT_EQ(out, "\"x,y\",,1e+16,1970-01-01T00:00:01.000Z,1970-01-01,0.5\n");
}

}  // namespace
}  // namespace streamc
