#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "streamc/output.h"

namespace streamc {
namespace {

// mkdir -p of the directory part of path; sets error on failure.
bool create_parent_dirs(const std::string& path, std::string& error) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string dir = path.substr(0, slash);
    if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
      error = "cannot create directory '" + dir + "': " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

// Writes all of [data, data + n), retrying interrupted and partial writes.
bool write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

// Slack above the threshold so an ordinary record never forces growth.
Writer::Writer(size_t buffer_size)
    : buf_(new char[std::max<size_t>(buffer_size, 1) + 64 * 1024]),
      capacity_(std::max<size_t>(buffer_size, 1) + 64 * 1024),
      threshold_(std::max<size_t>(buffer_size, 1)) {}

Writer::~Writer() { close(); }

bool Writer::open(const std::string& path, std::string& error) {
  if (path == "-") {
    open_fd(STDOUT_FILENO, false, "<stdout>");
    return true;
  }
  if (!create_parent_dirs(path, error)) return false;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return false;
  }
  open_fd(fd, true, path);
  return true;
}

void Writer::open_fd(int fd, bool owned, std::string name) {
  close();
  fd_ = fd;
  owned_ = owned;
  name_ = std::move(name);
  len_ = 0;
  error_.clear();
}

void Writer::grow(size_t n) {
  const size_t grown = std::max(capacity_ * 2, len_ + n);
  std::unique_ptr<char[]> bigger(new char[grown]);
  std::memcpy(bigger.get(), buf_.get(), len_);
  buf_ = std::move(bigger);
  capacity_ = grown;
}

void Writer::flush() {
  if (len_ == 0) return;
  // After the first error nothing more is written: the output is already
  // incomplete, and retrying a broken pipe on every record helps nobody.
  if (error_.empty()) {
    if (fd_ < 0) {
      error_ = "write to a closed output";
    } else if (!write_all(fd_, buf_.get(), len_)) {
      error_ = "error writing '" + name_ + "': " + std::strerror(errno);
    }
  }
  len_ = 0;
}

void Writer::close() {
  if (fd_ < 0) return;
  flush();
  if (owned_ && ::close(fd_) != 0 && error_.empty()) {
    error_ = "error closing '" + name_ + "': " + std::strerror(errno);
  }
  fd_ = -1;
  owned_ = false;
}

}  // namespace streamc
