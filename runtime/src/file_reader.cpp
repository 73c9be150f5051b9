// FileReader: JSON lines from a mapped or read file, whole lines for a followed one.
#include <cstring>

#include "streamc/input.h"

namespace streamc {

bool FileReader::next_line(std::string_view& line) {
  size_t scanned = 0;  // bytes already searched for '\n'
  for (;;) {
    const char* d = in_.data();
    const size_t n = in_.size();
    const void* nl = std::memchr(d + scanned, '\n', n - scanned);
    size_t length;
    if (nl != nullptr) {
      length = static_cast<size_t>(static_cast<const char*>(nl) - d);
      in_.consume(length + 1);
    } else {
      scanned = n;
      if (in_.fill()) continue;
      if (in_.size() == 0) return false;
      d = in_.data();  // the last line has no newline
      length = in_.size();
      in_.consume(length);
    }
    if (length > 0 && d[length - 1] == '\r') --length;
    line = std::string_view(d, length);
    ++line_;
    return true;
  }
}

bool FileReader::next_whole_line(std::string_view& line) {
  size_t scanned = 0;
  for (bool polled = false;;) {
    const char* d = in_.data();
    const size_t n = in_.size();
    const void* nl = std::memchr(d + scanned, '\n', n - scanned);
    if (nl == nullptr) {
      scanned = n;
      if (in_.fill()) continue;
      if (!polled && in_.poll()) {
        polled = true;
        continue;
      }
      return false;
    }
    size_t length = static_cast<size_t>(static_cast<const char*>(nl) - d);
    in_.consume(length + 1);
    if (length > 0 && d[length - 1] == '\r') --length;
    line = std::string_view(d, length);
    ++line_;
    return true;
  }
}

}  // namespace streamc
