// A query file held in memory, with the line index diagnostics need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace streamc {

// A half-open byte range [begin, end) in one SourceFile.
struct SourceRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool valid() const { return end >= begin && !(begin == 0 && end == 0); }
};

inline SourceRange join(SourceRange a, SourceRange b) {
  if (!a.valid()) return b;
  if (!b.valid()) return a;
  return {a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
}

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::string_view slice(SourceRange r) const;

  // 1-based line and column (in bytes) of a byte offset.
  uint32_t line_of(uint32_t offset) const;
  uint32_t column_of(uint32_t offset) const;
  std::string_view line_text(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace streamc
