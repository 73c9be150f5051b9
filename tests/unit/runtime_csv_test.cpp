// name: runtime csv
// description: RFC 4180 records: quoting, escapes, CRLF, multi-line fields, malformed input
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime_test_util.h"
#include "streamc/input.h"

namespace streamc {
namespace {

using testing_util::TempDir;

// Fields as text, with NULL shown as "<null>" and quoted fields in [brackets].
using Record = std::vector<std::string>;

struct Parsed {
  std::vector<Record> records;
  std::vector<std::string> malformed;  // "line: reason: raw"
  std::vector<uint64_t> lines;          // line_number() of each record
};

Parsed parse_csv(const std::string& content, size_t buffer_size = 1024, char sep = ',',
                 size_t max_record = CsvReader::kDefaultMaxRecordSize) {
  TempDir dir;
  CsvReader r(buffer_size, max_record);
  std::string error;
  EXPECT_TRUE(r.open(dir.write("in.csv", content), error, sep)) << error;
  Parsed out;
  std::vector<CsvField> fields;
  for (;;) {
    const CsvStatus status = r.next(fields);
    if (status == CsvStatus::End) break;
    if (status == CsvStatus::Malformed) {
      out.malformed.push_back(std::to_string(r.line_number()) + ": " +
                              std::string(r.error_reason()) + ": " + std::string(r.raw_record()));
      continue;
    }
    Record rec;
    for (const CsvField& f : fields) {
      rec.push_back(csv_is_null(f) ? "<null>"
                                   : f.quoted ? "[" + std::string(f.text) + "]" : std::string(f.text));
    }
    out.records.push_back(rec);
    out.lines.push_back(r.line_number());
  }
  EXPECT_TRUE(r.io_error().empty());
  return out;
}

TEST(CsvReader, SimpleRecords) {
  const Parsed p = parse_csv("id,name\n1,alice\n2,bob\n");
  ASSERT_EQ(p.records.size(), 3u);
  EXPECT_EQ(p.records[0], (Record{"id", "name"}));
  EXPECT_EQ(p.records[2], (Record{"2", "bob"}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_TRUE(p.malformed.empty());
}

TEST(CsvReader, NullsAndEmptyStrings) {
  const Parsed p = parse_csv("a,,\"\",b\n,\n");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0], (Record{"a", "<null>", "[]", "b"}));
  EXPECT_EQ(p.records[1], (Record{"<null>", "<null>"}));
}

TEST(CsvReader, QuotedFields) {
  const Parsed p = parse_csv("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\n\"x\"\n");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0], (Record{"[a,b]", "[say \"hi\"]", "[\"]"}));
  EXPECT_EQ(p.records[1], (Record{"[x]"}));
}

TEST(CsvReader, MultiLineFieldsAndLineNumbers) {
  const Parsed p = parse_csv("1,\"two\nlines\"\n2,\"three\r\nline\nfield\"\n3,x\n");
  ASSERT_EQ(p.records.size(), 3u);
  EXPECT_EQ(p.records[0], (Record{"1", "[two\nlines]"}));
  EXPECT_EQ(p.records[1], (Record{"2", "[three\r\nline\nfield]"}));
  EXPECT_EQ(p.records[2], (Record{"3", "x"}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 3, 6}));
}

TEST(CsvReader, CrLfAndMissingFinalNewline) {
  const Parsed p = parse_csv("a,b\r\n\"c\",d\r\n\"e\"\r\nf,g");
  ASSERT_EQ(p.records.size(), 4u);
  EXPECT_EQ(p.records[0], (Record{"a", "b"}));
  EXPECT_EQ(p.records[1], (Record{"[c]", "d"}));
  EXPECT_EQ(p.records[2], (Record{"[e]"}));
  EXPECT_EQ(p.records[3], (Record{"f", "g"}));
  EXPECT_EQ(parse_csv("\"q\"").records, (std::vector<Record>{{"[q]"}}));
  EXPECT_EQ(parse_csv("\"q\"\r").records, (std::vector<Record>{{"[q]"}}));
  EXPECT_EQ(parse_csv("a,").records, (std::vector<Record>{{"a", "<null>"}}));
}

TEST(CsvReader, SkipsEmptyLines) {
  const Parsed p = parse_csv("\na\n\r\n\nb\n\n");
  EXPECT_EQ(p.records, (std::vector<Record>{{"a"}, {"b"}}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{2, 5}));
  EXPECT_TRUE(parse_csv("").records.empty());
  EXPECT_TRUE(parse_csv("\n\n").records.empty());
}

TEST(CsvReader, StrayQuoteInUnquotedFieldIsText) {
  EXPECT_EQ(parse_csv("5'10\",x\n").records, (std::vector<Record>{{"5'10\"", "x"}}));
}

TEST(CsvReader, OtherSeparators) {
  EXPECT_EQ(parse_csv("a\tb,c\t\"d\te\"\n", 1024, '\t').records,
            (std::vector<Record>{{"a", "b,c", "[d\te]"}}));
  EXPECT_EQ(parse_csv("a;b\n", 1024, ';').records, (std::vector<Record>{{"a", "b"}}));
}

TEST(CsvReader, TextAfterClosingQuoteIsMalformed) {
  const Parsed p = parse_csv("1,\"a\"b,c\n2,ok\n3,\"x\ny\"z\n4,ok\n");
  EXPECT_EQ(p.records, (std::vector<Record>{{"2", "ok"}, {"4", "ok"}}));
  EXPECT_EQ(p.malformed, (std::vector<std::string>{
                             "1: unexpected character after closing quote: 1,\"a\"b,c",
                             "3: unexpected character after closing quote: 3,\"x\ny\"z"}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{2, 5}));
}

TEST(CsvReader, UnterminatedQuoteResumesOnNextLine) {
  const Parsed p = parse_csv("1,ok\n2,\"open\n3,ok\n");
  EXPECT_EQ(p.malformed, (std::vector<std::string>{"2: unterminated quoted field: 2,\"open"}));
  EXPECT_EQ(p.records, (std::vector<Record>{{"1", "ok"}, {"3", "ok"}}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 3}));
  const Parsed last = parse_csv("\"never closed");
  EXPECT_EQ(last.malformed,
            (std::vector<std::string>{"1: unterminated quoted field: \"never closed"}));
}

TEST(CsvReader, MaxRecordSizeBoundsAnUnbalancedQuote) {
  std::string content = "1,\"unbalanced\n";
  for (int i = 2; i < 200; ++i) content += std::to_string(i) + ",row\n";
  const Parsed p = parse_csv(content, 16, ',', 256);
  ASSERT_EQ(p.malformed.size(), 1u);
  EXPECT_EQ(p.malformed[0], "1: unterminated quoted field: 1,\"unbalanced");
  ASSERT_EQ(p.records.size(), 198u);
  EXPECT_EQ(p.records.front(), (Record{"2", "row"}));
  EXPECT_EQ(p.lines.front(), 2u);
}

TEST(CsvReader, TinyBuffersGiveTheSameRecords) {
  std::string content = "\xEF\xBB\xBFid,text\r\n";
  for (int i = 0; i < 60; ++i) {
    content += std::to_string(i) + ",";
    if (i % 4 == 0) content += "\"q,\"\"" + std::to_string(i) + "\"\"\nnext\"";
    else if (i % 4 == 1) content += "";
    else content += "plain" + std::string(static_cast<size_t>(i), 'x');
    content += i % 2 ? "\r\n" : "\n";
  }
  const Parsed reference = parse_csv(content, 1 << 16);
  ASSERT_EQ(reference.records.size(), 61u);
  EXPECT_EQ(reference.records[0], (Record{"id", "text"}));
  EXPECT_EQ(reference.records[1], (Record{"0", "[q,\"0\"\nnext]"}));
  for (size_t size : {1, 2, 3, 5, 8, 13, 64}) {
    const Parsed p = parse_csv(content, size);
    EXPECT_EQ(p.records, reference.records) << "buffer " << size;
    EXPECT_EQ(p.lines, reference.lines) << "buffer " << size;
  }
}

TEST(CsvReader, FieldsVectorIsReusedWithoutReallocation) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 100; ++i) content += "a,\"b\"\"c\",d\n";
  CsvReader r(64);
  std::string error;
  ASSERT_TRUE(r.open(dir.write("in.csv", content), error));
  std::vector<CsvField> fields;
  ASSERT_EQ(r.next(fields), CsvStatus::Record);
  const CsvField* storage = fields.data();
  while (r.next(fields) == CsvStatus::Record) {
    ASSERT_EQ(fields.data(), storage);
    ASSERT_EQ(fields[1].text, "b\"c");
  }
}

TEST(CsvReader, RawRecordAndOpenError) {
  TempDir dir;
  CsvReader r;
  std::string error;
  EXPECT_FALSE(r.open(dir.file("nope.csv"), error));
  EXPECT_EQ(error, "cannot open '" + dir.file("nope.csv") + "': No such file or directory");
  ASSERT_TRUE(r.open(dir.write("in.csv", "a,\"b\nc\"\r\nz\n"), error));
  std::vector<CsvField> fields;
  ASSERT_EQ(r.next(fields), CsvStatus::Record);
  EXPECT_EQ(r.raw_record(), "a,\"b\nc\"");
  EXPECT_EQ(r.error_reason(), "");
  ASSERT_EQ(r.next(fields), CsvStatus::Record);
  EXPECT_EQ(r.raw_record(), "z");
  EXPECT_EQ(r.line_number(), 3u);
  EXPECT_EQ(r.next(fields), CsvStatus::End);
  EXPECT_EQ(r.next(fields), CsvStatus::End);
}

TEST(CsvIsNull, OnlyUnquotedEmpty) {
  EXPECT_TRUE(csv_is_null(CsvField{"", false}));
  EXPECT_FALSE(csv_is_null(CsvField{"", true}));
  EXPECT_FALSE(csv_is_null(CsvField{"x", false}));
}

}  // namespace
}  // namespace streamc
