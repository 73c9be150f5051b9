// streamc::scan_lines and ChunkPipeline: a mapped file parsed in chunks on
// several threads must give the consumer exactly what a line-at-a-time read
// gives (the same records, line numbers and reasons, in input order), for any
// chunk size and thread count.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "runtime_test_util.h"
#include "streamc/json.h"
#include "streamc/csv_scan.h"
#include "streamc/line_scan.h"
#include "streamc/row_parse.h"

namespace streamc {
namespace {

using testing_util::TempDir;

// A toy row: the line's number field; lines starting with '!' do not parse.
struct Row {
  int value = 0;
  std::string_view text;
};

struct NoParser {};

bool parse_row(NoParser&, std::string_view line, Row& row, std::string_view& reason, Arena& strings) {
  if (line.front() == '!') {
    reason = "bang";
    return false;
  }
  row.value = std::stoi(std::string(line));
  row.text = strings.copy(line);  // kept until the batch is consumed
  return true;
}

struct Seen {
  std::string line;
  uint64_t number;
  bool parsed;
  std::string reason;
  int value;
  std::string text;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> scan(const std::string& path, LineScanOptions options, size_t stop_after = SIZE_MAX,
                       bool* stopped = nullptr) {
  FileReader reader;
  std::string error;
  EXPECT_TRUE(reader.open(path, error)) << error;
  std::vector<Seen> seen;
  const bool finished = scan_lines<ParsedLines<Row>, NoParser>(reader, options, parse_row, [&](const ParsedLines<Row>& batch) {
    for (size_t i = 0; i < batch.size(); ++i) {
      if (seen.size() == stop_after) return false;
      const ParsedLine<Row>& p = batch[i];
      seen.push_back({std::string(p.line), p.number, p.parsed, std::string(p.reason), p.parsed ? p.row.value : 0,
                      p.parsed ? std::string(p.row.text) : ""});
    }
    return true;
  });
  if (stopped) *stopped = !finished;
  return seen;
}

std::string numbered_lines(int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) {
    if (i % 97 == 0) text += "\n";         // a blank line: counted, not handed out
    if (i % 89 == 0) text += "  \t\n";     // so is one of blanks
    if (i % 101 == 0) text += "!bad\n";    // a line that does not parse
    text += std::to_string(i) + (i % 13 == 0 ? "\r\n" : "\n");
  }
  return text + "123456";  // the last line has no newline
}

TEST(LineScan, ChunksOnEveryThreadCountGiveTheSameRecordsInOrder) {
  TempDir dir;
  const std::string path = dir.write("lines.txt", numbered_lines(20000));
  // A pipe is read a line at a time: the reference.
  std::vector<Seen> reference;
  {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    std::thread writer([&] {
      const int fd = open(path.c_str(), O_RDONLY);
      char buf[4096];
      ssize_t n;
      while ((n = read(fd, buf, sizeof buf)) > 0) ASSERT_EQ(write(fds[1], buf, n), n);
      close(fd);
      close(fds[1]);
    });
    FileReader reader;
    reader.open_fd(fds[0], true, "<pipe>");
    ASSERT_FALSE(reader.mapped());
    scan_lines<ParsedLines<Row>, NoParser>(reader, {}, parse_row, [&](const ParsedLines<Row>& batch) {
      EXPECT_EQ(batch.size(), 1u);
      const ParsedLine<Row>& p = batch[0];
      reference.push_back({std::string(p.line), p.number, p.parsed, std::string(p.reason),
                           p.parsed ? p.row.value : 0, p.parsed ? std::string(p.row.text) : ""});
      return true;
    });
    writer.join();
  }
  ASSERT_EQ(reference.size(), 20001u + 20000 / 101);  // the numbers, the bad lines, 123456
  EXPECT_EQ(reference.back().line, "123456");
  EXPECT_EQ(reference[12].line, "13");  // "\r\n" ends the line
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (size_t chunk : {size_t{1}, size_t{7}, size_t{4096}, size_t{1} << 20}) {
      EXPECT_EQ(scan(path, {threads, chunk}), reference) << threads << " threads, chunks of " << chunk;
    }
  }
}

// What a prepare step (the table probes of generated code) stores for each
// record on the parsing thread is there when the record is run.
struct Doubled {
  int value = -1;
};

TEST(LineScan, WhatIsPreparedAheadReachesTheConsumer) {
  TempDir dir;
  const std::string path = dir.write("lines.txt", numbered_lines(3000));
  for (unsigned threads : {1u, 3u}) {
    FileReader reader;
    std::string error;
    ASSERT_TRUE(reader.open(path, error));
    using Lines = ParsedLines<Row, Doubled>;
    size_t records = 0;
    scan_lines<Lines, NoParser>(
        reader, {threads, 256}, parse_row,
        [](unsigned, Lines& chunk) {
          for (size_t i = 0; i < chunk.size(); ++i) {
            if (chunk.data()[i].parsed) chunk.data()[i].found.value = 2 * chunk.data()[i].row.value;
          }
        },
        [&](Lines& batch) {
          for (size_t i = 0; i < batch.size(); ++i, ++records) {
            if (batch[i].parsed) {
              EXPECT_EQ(batch[i].found.value, 2 * batch[i].row.value);
            }
          }
          return true;
        });
    EXPECT_EQ(records, 3001u + 3000 / 101);
  }
}

TEST(LineScan, StopsWhenTheConsumerSaysSo) {
  TempDir dir;
  const std::string path = dir.write("lines.txt", numbered_lines(5000));
  bool stopped = false;
  std::vector<Seen> seen = scan(path, {4, 64}, 1234, &stopped);
  EXPECT_TRUE(stopped);
  ASSERT_EQ(seen.size(), 1234u);
  EXPECT_EQ(seen.front().line, "1");
}

TEST(LineScan, SkipsAByteOrderMark) {
  TempDir dir;
  const std::string path = dir.write("bom.txt", "\xEF\xBB\xBF" "1\n2\n");
  std::vector<Seen> seen = scan(path, {2, 1});
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].line, "1");
  EXPECT_EQ(seen[0].number, 1u);
  EXPECT_EQ(seen[1].number, 2u);
}

TEST(LineScan, EmptyFile) {
  TempDir dir;
  EXPECT_TRUE(scan(dir.write("empty.txt", ""), {2, 16}).empty());
}

TEST(ChunkPipeline, ConsumesEveryChunkOnceInOrderWhateverThreadPreparedIt) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::to_string(i) + "\n";
  std::vector<std::string> prepared(ChunkPipeline::slots_for(4));
  std::string consumed;
  ASSERT_TRUE(ChunkPipeline::run(
      text, 100, 4,
      [&](unsigned thread, size_t slot, std::string_view chunk) {
        EXPECT_LT(thread, 4u);
        prepared[slot] = std::string(chunk);
      },
      [&](size_t slot, std::string_view chunk) {
        EXPECT_EQ(prepared[slot], chunk);
        EXPECT_EQ(chunk.back(), '\n');  // chunks end after a newline
        consumed += chunk;
        return true;
      }));
  EXPECT_EQ(consumed, text);
}

TEST(ChunkPipeline, ThreadCounts) {
  unsigned n = 0;
  EXPECT_TRUE(parse_thread_count("auto", n));
  EXPECT_GE(n, 1u);
  EXPECT_TRUE(parse_thread_count("3", n));
  EXPECT_EQ(n, 3u);
  EXPECT_FALSE(parse_thread_count("0", n));
  EXPECT_FALSE(parse_thread_count("two", n));
  EXPECT_FALSE(parse_thread_count("2x", n));
}

TEST(JsonStrings, ViewsOfTheInputUnlessEscaped) {
  simdjson::ondemand::parser parser;
  Arena strings;
  std::string line = R"({"plain": "abc" , "esc\"aped": "a\nb", "n": 5})";
  line.append(64, ' ');
  simdjson::ondemand::document doc;
  ASSERT_EQ(parser.iterate(line.data(), line.size() - 64, line.size()).get(doc), simdjson::SUCCESS);
  simdjson::ondemand::object object;
  ASSERT_EQ(doc.get_object().get(object), simdjson::SUCCESS);
  std::vector<std::string> keys, values;
  for (auto field : object) {
    std::string_view key, value;
    ASSERT_TRUE(json_key(field, key));
    keys.emplace_back(key);
    simdjson::ondemand::value v;
    ASSERT_EQ(field.value().get(v), simdjson::SUCCESS);
    if (key == "n") {
      EXPECT_FALSE(json_to_string(v, value, strings));  // a number is not a string
      continue;
    }
    ASSERT_TRUE(json_to_string(v, value, strings));
    if (key == "plain") {
      EXPECT_GE(value.data(), line.data());  // points into the line itself
      EXPECT_LT(value.data(), line.data() + line.size());
    }
    values.emplace_back(value);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"plain", "esc\"aped", "n"}));
  EXPECT_EQ(values, (std::vector<std::string>{"abc", "a\nb"}));
}

}  // namespace
}  // namespace streamc

namespace streamc {
namespace {

// A CSV file read in chunks on several threads gives the records, line
// numbers and raw text that CsvReader gives reading it from start to end:
// quoted fields holding newlines, separators and doubled quotes, a quote in
// an unquoted field, CRLF, blank lines, malformed records, records of the
// wrong width, a bad value and a last line without a line end included; and
// the rows, reasons and has_value that parsing each record gives.
std::string tricky_csv(int n) {
  std::string text = "id,name,note\n";
  for (int i = 1; i <= n; ++i) {
    switch (i % 9) {
      case 0: text += std::to_string(i) + ",\"multi\nline\",x\n"; break;
      case 1: text += std::to_string(i) + ",\"say \"\"hi\"\"\",\"a,b\"\n"; break;
      case 2: text += std::to_string(i) + ",in\"text,y\r\n"; break;
      case 3: text += "\n"; break;
      case 4: text += std::to_string(i) + ",\"unclosed\" junk,z\n"; break;  // malformed
      case 5: text += std::to_string(i) + ",\"\n\n\",\"\"\"\"\n"; break;
      case 6: text += std::to_string(i) + ",one,too,many\n"; break;
      case 7: text += "x" + std::to_string(i) + ",not a number,\n"; break;
      default: text += std::to_string(i) + ",plain " + std::to_string(i) + (i % 2 ? ",\r\n" : ",\n"); break;
    }
  }
  text += "0,the last line,has no line end";
  return text;
}

struct CsvSeen {
  uint64_t number;
  std::string raw;
  bool parsed;
  std::string reason;
  int64_t id;
  std::string name;
  std::string note;
  uint64_t nulls;
  bool has_value;
  bool operator==(const CsvSeen&) const = default;
  friend void PrintTo(const CsvSeen& s, std::ostream* os) {
    *os << "line " << s.number << " '" << s.raw << "' " << (s.parsed ? "parsed" : "bad: " + s.reason) << " id "
        << s.id << " name '" << s.name << "' note '" << s.note << "' nulls " << s.nulls << " has_value "
        << s.has_value;
  }
};

// The file's columns in another order than the row's fields.
struct CsvRow {
  std::string_view note;
  int64_t id = 0;
  std::string_view name;
  uint64_t nulls = 0;
};
struct CsvSpec {
  static constexpr std::tuple kColumns = {
      Column<&CsvRow::note>{"note", kVarchar},
      Column<&CsvRow::id>{"id", kBigInt},
      Column<&CsvRow::name>{"name", kVarchar},
  };
};

CsvSeen csv_seen(uint64_t number, std::string_view raw, bool parsed, std::string_view reason, const CsvRow& row,
                 bool has_value) {
  if (!parsed) return {number, std::string(raw), false, std::string(reason), 0, "", "", 0, false};
  return {number,   std::string(raw),       true,      "",        row.id, std::string(row.name),
          std::string(row.note), row.nulls, has_value};
}

TEST(CsvChunks, EveryThreadCountAndChunkSizeReadsWhatOneReaderReads) {
  TempDir dir;
  const std::string path = dir.write("t.csv", tricky_csv(3000));
  const int pos[] = {2, 0, 1, -1};
  const int value_pos[] = {1, 2, -1};
  std::vector<CsvSeen> reference;
  {
    CsvReader reader;
    reader.open_fd(::open(path.c_str(), O_RDONLY), true, "t.csv");  // read, not mapped: the reference reader
    std::vector<CsvField> fields;
    ASSERT_EQ(reader.next(fields), CsvStatus::Record);  // the header
    for (CsvStatus s; (s = reader.next(fields)) != CsvStatus::End;) {
      CsvRow row;
      std::string_view reason;
      const bool parsed = parse_csv_record(reader, s, fields, 3, parse_csv_row<CsvSpec, CsvRow>, pos, row, reason);
      const bool has_value = parsed && (!csv_is_null(fields[1]) || !csv_is_null(fields[2]));
      reference.push_back(csv_seen(reader.line_number(), reader.raw_record(), parsed, reason, row, has_value));
    }
  }
  ASSERT_GT(reference.size(), 2000u);
  const CsvLayout layout = csv_layout(',', 3, pos, value_pos);
  for (unsigned threads : {1u, 2u, 3u}) {
    for (size_t chunk : {size_t{1}, size_t{10}, size_t{333}, size_t{1} << 20}) {
      CsvReader reader;
      std::string error;
      ASSERT_TRUE(reader.open(path, error));
      ASSERT_TRUE(reader.mapped());
      std::vector<CsvField> header;
      ASSERT_EQ(reader.next(header), CsvStatus::Record);
      using Lines = ParsedLines<CsvRow, TableRecord>;
      std::vector<CsvSeen> seen;
      int sized_calls = 0;
      size_t first_records = 0;
      double scale = 0;
      scan_csv_records<Lines, CsvSpec>(
          reader, {threads, chunk}, layout, "t.csv", [](unsigned, Lines&) {},
          [&](Lines& records) {
            for (size_t i = 0; i < records.size(); ++i) {
              const Lines::Line& r = records[i];
              seen.push_back(csv_seen(r.number, r.line, r.parsed, r.reason, r.row, r.found.has_value));
            }
            if (first_records == 0) first_records = seen.size();
            return true;
          },
          [&](double s) {
            ++sized_calls;
            scale = s;
            EXPECT_EQ(seen.size(), first_records);  // right after the first chunk
          });
      ASSERT_EQ(seen.size(), reference.size()) << threads << " threads, chunks of " << chunk;
      for (size_t i = 0; i < seen.size(); ++i) {
        ASSERT_EQ(seen[i], reference[i]) << threads << " threads, chunks of " << chunk;
      }
      EXPECT_EQ(sized_calls, 1);
      // The first chunk's share of the bytes estimates its share of the records.
      const double estimate = static_cast<double>(first_records) * (1 + scale);
      EXPECT_GT(estimate, 0.5 * static_cast<double>(reference.size())) << chunk;
      EXPECT_LT(estimate, 2.0 * static_cast<double>(reference.size())) << chunk;
    }
  }
}

TEST(CsvChunks, ChunksEndOnlyAtRecordEnds) {
  const std::string text = "a,\"x\ny\",b\nc,d\"e\n\"f\n\"\",g\n";
  // From 0 with a target inside the quoted field: the record ends after `b`.
  EXPECT_EQ(csv_chunk_end(text, 0, 4, ','), text.find("b\n") + 2);
  // A quote inside unquoted text does not open a field.
  EXPECT_EQ(csv_chunk_end(text, 10, 13, ','), text.find("e\n") + 2);
  // A quoted field holding a newline, then a doubled quote.
  EXPECT_EQ(csv_chunk_end(text, 16, 17, ','), text.size());
}

}  // namespace
}  // namespace streamc
