// InputBuffer: a file mapped or read in blocks, stdin, and following a growing file.
#include "streamc/input_buffer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace streamc {

InputBuffer::InputBuffer(size_t capacity)
    : buf_(new char[std::max<size_t>(capacity, 1) + kPadding]()),
      base_(buf_.get()),
      capacity_(std::max<size_t>(capacity, 1)) {}

InputBuffer::~InputBuffer() { close(); }

bool InputBuffer::open(const std::string& path, std::string& error) {
  if (path == "-") {
    open_fd(STDIN_FILENO, false, "<stdin>");
    return true;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return false;
  }
  struct stat st;
  const bool have_stat = ::fstat(fd, &st) == 0;
  if (have_stat && S_ISDIR(st.st_mode)) {
    ::close(fd);
    error = "cannot open '" + path + "': " + std::strerror(EISDIR);
    return false;
  }
  open_fd(fd, true, path);
  if (mappable_ && have_stat && S_ISREG(st.st_mode) && st.st_size > 0) map_file(fd, static_cast<size_t>(st.st_size));
  return true;
}

// Maps the file over an anonymous region one padding longer, so the bytes
// after the end of the file read as zeros (simdjson reads past a line's end).
// Falls back to read(2) when mapping fails.
void InputBuffer::release_behind(size_t last) {
  const size_t keep = kKeepBehind + last;
  if (pos_ < keep) return;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t upto = (pos_ - keep) / page * page;
  if (upto > released_) ::madvise(map_ + released_, upto - released_, MADV_DONTNEED);
  released_ = upto;
}

std::string_view InputBuffer::take_mapped() {
  if (map_ == nullptr) return {};
  std::string_view rest(map_ + pos_, end_ - pos_);
  pos_ = end_;
  released_ = end_;  // from here on the caller releases what it has read
  return rest;
}

const char* release_pages(const char* begin, const char* end) {
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const uintptr_t from = (reinterpret_cast<uintptr_t>(begin) + page - 1) / page * page;
  const uintptr_t to = reinterpret_cast<uintptr_t>(end) / page * page;
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
  return to > reinterpret_cast<uintptr_t>(begin) ? end - (reinterpret_cast<uintptr_t>(end) - to) : begin;
}

bool InputBuffer::map_file(int fd, size_t size) {
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t total = (size + kPadding + page - 1) / page * page;
  void* region = ::mmap(nullptr, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) return false;
  void* file = ::mmap(region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  if (file == MAP_FAILED) {
    ::munmap(region, total);
    return false;
  }
  ::madvise(region, total, MADV_SEQUENTIAL);
  map_ = static_cast<char*>(region);
  map_len_ = total;
  released_ = 0;
  base_ = map_;
  pos_ = 0;
  end_ = size;
  eof_ = true;  // everything is in memory already
  bom_checked_ = true;
  if (size >= 3 && std::memcmp(map_, "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  return true;
}

void InputBuffer::open_fd(int fd, bool owned, std::string name) {
  close();
  fd_ = fd;
  owned_ = owned;
  name_ = std::move(name);
  pos_ = end_ = 0;
  std::memset(buf_.get(), 0, kPadding);
  eof_ = false;
  bom_checked_ = false;
  error_.clear();
}

void InputBuffer::open_memory(std::string_view bytes, std::string name) {
  close();
  name_ = std::move(name);
  base_ = bytes.data();
  pos_ = 0;
  end_ = bytes.size();
  eof_ = true;  // everything is there already
  bom_checked_ = true;
  error_.clear();
}

void InputBuffer::close() {
  if (map_ != nullptr) {
    ::munmap(map_, map_len_);
    map_ = nullptr;
    map_len_ = 0;
    base_ = buf_.get();
    pos_ = end_ = 0;
  }
  if (owned_ && fd_ >= 0) ::close(fd_);
  base_ = buf_.get();  // after open_memory()
  pos_ = end_ = 0;
  fd_ = -1;
  owned_ = false;
  eof_ = true;
}

void InputBuffer::compact_or_grow() {
  if (pos_ > 0) {
    std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == capacity_) {
    const size_t grown = capacity_ * 2;
    std::unique_ptr<char[]> bigger(new char[grown + kPadding]);
    std::memcpy(bigger.get(), buf_.get(), end_);
    buf_ = std::move(bigger);
    base_ = buf_.get();
    capacity_ = grown;
  }
}

// A UTF-8 byte order mark (Excel writes one) is not part of the first
// record. Decided before the first byte is handed out, so consumers never see
// data move under them.
void InputBuffer::skip_bom() {
  while (end_ < 3 && !eof_) {
    if (end_ == capacity_) compact_or_grow();
    read_some();
  }
  bom_checked_ = true;
  if (end_ >= 3 && std::memcmp(buf_.get(), "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
}

void InputBuffer::read_some() {
  ssize_t n;
  do {
    n = ::read(fd_, buf_.get() + end_, capacity_ - end_);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    error_ = "error reading '" + name_ + "': " + std::strerror(errno);
    eof_ = true;
  } else if (n == 0) {
    eof_ = true;
  } else {
    end_ += static_cast<size_t>(n);
  }
}

bool InputBuffer::fill() {
  if (eof_ || map_ != nullptr) return false;
  compact_or_grow();
  const size_t before = end_;
  read_some();
  if (!bom_checked_) skip_bom();
  std::memset(buf_.get() + end_, 0, kPadding);
  return end_ > before;
}

}  // namespace streamc

namespace streamc {

bool InputBuffer::poll() {
  if (fd_ < 0 || !error_.empty() || map_ != nullptr) return false;
  eof_ = false;
  return fill();
}

}  // namespace streamc
