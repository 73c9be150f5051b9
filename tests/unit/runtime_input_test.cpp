// name: runtime input
// description: FileReader line splitting, buffer refills and growth, padding, errors
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "runtime_test_util.h"
#include "streamc/input.h"

namespace streamc {
namespace {

using testing_util::TempDir;

std::vector<std::string> all_lines(FileReader& r) {
  std::vector<std::string> out;
  std::string_view line;
  while (r.next_line(line)) out.emplace_back(line);
  return out;
}

std::vector<std::string> read_lines(const std::string& content, size_t buffer_size) {
  TempDir dir;
  FileReader r(buffer_size);
  std::string error;
  EXPECT_TRUE(r.open(dir.write("in.txt", content), error)) << error;
  return all_lines(r);
}

using Lines = std::vector<std::string>;

TEST(FileReader, SplitsLinesAndStripsCr) {
  EXPECT_EQ(read_lines("a\nbb\r\nccc\n", 1024), (Lines{"a", "bb", "ccc"}));
  EXPECT_EQ(read_lines("a\n\nb\n", 1024), (Lines{"a", "", "b"}));
  EXPECT_EQ(read_lines("a\rb\n", 1024), (Lines{"a\rb"}));  // only a trailing CR goes
}

TEST(FileReader, LastLineWithoutNewline) {
  EXPECT_EQ(read_lines("a\nlast", 1024), (Lines{"a", "last"}));
  EXPECT_EQ(read_lines("only\r", 1024), (Lines{"only"}));
  EXPECT_EQ(read_lines("", 1024), Lines{});
  EXPECT_EQ(read_lines("\n", 1024), Lines{""});
}

TEST(FileReader, TinyBufferRefillsAndGrows) {
  std::string content;
  Lines expected;
  for (int i = 0; i < 200; ++i) {
    std::string line(static_cast<size_t>(i % 37), static_cast<char>('a' + i % 26));
    line += std::to_string(i);
    expected.push_back(line);
    content += line + (i % 3 == 0 ? "\r\n" : "\n");
  }
  for (size_t size : {1, 2, 3, 7, 16, 64}) {
    EXPECT_EQ(read_lines(content, size), expected) << "buffer " << size;
  }
}

TEST(FileReader, LineNumbers) {
  TempDir dir;
  FileReader r(4);
  std::string error;
  ASSERT_TRUE(r.open(dir.write("in.txt", "x\n\ny\n"), error));
  std::string_view line;
  EXPECT_EQ(r.line_number(), 0u);
  ASSERT_TRUE(r.next_line(line));
  EXPECT_EQ(r.line_number(), 1u);
  ASSERT_TRUE(r.next_line(line));
  EXPECT_EQ(line, "");
  EXPECT_EQ(r.line_number(), 2u);
  ASSERT_TRUE(r.next_line(line));
  EXPECT_EQ(line, "y");
  EXPECT_EQ(r.line_number(), 3u);
  EXPECT_FALSE(r.next_line(line));
  EXPECT_FALSE(r.next_line(line));  // stays at the end
  EXPECT_TRUE(r.error().empty());
}

TEST(FileReader, PaddingAfterEveryLineIsReadable) {
  TempDir dir;
  FileReader r(8);
  std::string error;
  ASSERT_TRUE(r.open(dir.write("in.txt", "{\"a\":1}\n{\"b\":22}"), error));
  std::string_view line;
  while (r.next_line(line)) {
    // The last line is followed by the zeroed padding.
    unsigned sum = 0;
    for (size_t i = 0; i < FileReader::kPadding; ++i) {
      sum += static_cast<unsigned char>(line.data()[line.size() + i]);
    }
    if (line == "{\"b\":22}") {
      EXPECT_EQ(sum, 0u);
    }
  }
  static_assert(FileReader::kPadding >= 64);
}

TEST(FileReader, StripsUtf8ByteOrderMark) {
  EXPECT_EQ(read_lines("\xEF\xBB\xBFid,name\n1,a\n", 1024), (Lines{"id,name", "1,a"}));
  EXPECT_EQ(read_lines("\xEF\xBB\xBFx", 1), (Lines{"x"}));
  EXPECT_EQ(read_lines("a\n\xEF\xBB\xBF", 1024), (Lines{"a", "\xEF\xBB\xBF"}));  // not at start
}

TEST(FileReader, OpenErrors) {
  TempDir dir;
  FileReader r;
  std::string error;
  EXPECT_FALSE(r.open(dir.file("missing.csv"), error));
  EXPECT_EQ(error, "cannot open '" + dir.file("missing.csv") + "': No such file or directory");
  EXPECT_FALSE(r.open(dir.file(""), error));
  EXPECT_NE(error.find("Is a directory"), std::string::npos) << error;
}

TEST(FileReader, ReadsFromPipeInSmallChunks) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::thread producer([w = fds[1]] {
    const char* parts[] = {"fir", "st\nsec", "ond", "\n", "third"};
    for (const char* p : parts) {
      EXPECT_EQ(::write(w, p, std::strlen(p)), static_cast<ssize_t>(std::strlen(p)));
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ::close(w);
  });
  FileReader r(64);
  r.open_fd(fds[0], true, "<pipe>");
  EXPECT_EQ(all_lines(r), (Lines{"first", "second", "third"}));
  producer.join();
}

TEST(FileReader, ReportsReadErrors) {
  const int fd = ::open("/proc/self/mem", O_RDONLY);  // reading offset 0 fails (EIO)
  if (fd < 0) GTEST_SKIP() << "no /proc/self/mem";
  FileReader r;
  r.open_fd(fd, true, "mem");
  std::string_view line;
  EXPECT_FALSE(r.next_line(line));
  EXPECT_NE(r.error().find("error reading 'mem'"), std::string::npos) << r.error();
}

}  // namespace
}  // namespace streamc

namespace streamc {
namespace {

// A regular file is mapped; the bytes after its end still read as zeros
// (simdjson reads past a line), even when the file ends on a page boundary.
TEST(InputMapping, MappedFileKeepsPaddingAfterItsEnd) {
  const long page = sysconf(_SC_PAGESIZE);
  std::string path = testing::TempDir() + "/streamc_mapped.jsonl";
  std::string text(static_cast<size_t>(page), 'x');
  text[static_cast<size_t>(page) - 1] = '\n';
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  FileReader reader;
  std::string error;
  ASSERT_TRUE(reader.open(path, error)) << error;
  std::string_view line;
  ASSERT_TRUE(reader.next_line(line));
  EXPECT_EQ(line.size(), static_cast<size_t>(page) - 1);
  for (size_t i = 0; i < FileReader::kPadding; ++i) EXPECT_EQ(line.data()[line.size() + 1 + i], '\0');
  EXPECT_FALSE(reader.next_line(line));
  std::remove(path.c_str());
}

// A followed file is read, not mapped, so that what is appended later is seen.
TEST(InputMapping, FollowedFileSeesAppendedLines) {
  std::string path = testing::TempDir() + "/streamc_followed.jsonl";
  std::FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("one\n", f);
  std::fflush(f);
  FileReader reader;
  reader.set_follow(true);
  std::string error;
  ASSERT_TRUE(reader.open(path, error)) << error;
  std::string_view line;
  ASSERT_TRUE(reader.next_whole_line(line));
  EXPECT_EQ(line, "one");
  EXPECT_FALSE(reader.next_whole_line(line));
  std::fputs("two\n", f);
  std::fflush(f);
  ASSERT_TRUE(reader.next_whole_line(line));
  EXPECT_EQ(line, "two");
  std::fclose(f);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace streamc

namespace streamc {
namespace {

// Reading a mapped file gives back the pages far behind the read position
// (peak memory does not grow with the file), and never the current line.
TEST(InputMapping, LongFileReadsThroughWithLinesIntact) {
  std::string path = testing::TempDir() + "/streamc_long.jsonl";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::string big(9u << 20, 'y');  // one line longer than what is kept behind
    for (int i = 0; i < 40000; ++i) std::fprintf(f, "{\"i\":%d,\"pad\":\"%0500d\"}\n", i, i);
    std::fprintf(f, "%s\n", big.c_str());
    std::fputs("last\n", f);
    std::fclose(f);
  }
  FileReader reader;
  std::string error;
  ASSERT_TRUE(reader.open(path, error)) << error;
  ASSERT_TRUE(reader.mapped());
  std::string_view line;
  for (int i = 0; i < 40000; ++i) {
    ASSERT_TRUE(reader.next_line(line));
    ASSERT_EQ(line.substr(0, 6 + std::to_string(i).size()), "{\"i\":" + std::to_string(i) + ",");
  }
  ASSERT_TRUE(reader.next_line(line));
  EXPECT_EQ(line.size(), 9u << 20);
  EXPECT_EQ(line.front(), 'y');
  EXPECT_EQ(line.back(), 'y');
  ASSERT_TRUE(reader.next_line(line));
  EXPECT_EQ(line, "last");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace streamc
