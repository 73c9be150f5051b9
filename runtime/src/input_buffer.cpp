#include "streamc/input_buffer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace streamc {

InputBuffer::InputBuffer(size_t capacity)
    : buf_(new char[std::max<size_t>(capacity, 1) + kPadding]()),
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
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    error = "cannot open '" + path + "': " + std::strerror(EISDIR);
    return false;
  }
  open_fd(fd, true, path);
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

void InputBuffer::close() {
  if (owned_ && fd_ >= 0) ::close(fd_);
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
  if (eof_) return false;
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
  if (fd_ < 0 || !error_.empty()) return false;
  eof_ = false;
  return fill();
}

}  // namespace streamc
