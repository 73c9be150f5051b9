// Writer: buffered output flushed at record boundaries.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "streamc/output.h"
#include "write_behind.h"

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

void Writer::write_behind(bool on) {
  if (!on) {
    flush();
    behind_.reset();
    return;
  }
  if (behind_ || fd_ < 0) return;
  behind_ = std::make_unique<detail::WriteBehind>(fd_);
  if (spare_capacity_ < capacity_) {
    spare_.reset(new char[capacity_]);
    spare_capacity_ = capacity_;
  }
}

void Writer::hand_off() {
  if (len_ == 0) return;
  if (!behind_) {
    write_now(buf_.get(), len_);
    len_ = 0;
    return;
  }
  note_error(behind_->wait());  // the spare buffer is free again
  if (error_.empty()) behind_->submit(buf_.get(), len_);
  std::swap(buf_, spare_);
  std::swap(capacity_, spare_capacity_);
  len_ = 0;
}

void Writer::flush() {
  hand_off();
  if (behind_) note_error(behind_->wait());
}

// After the first error nothing more is written: the output is already
// incomplete, and retrying a broken pipe on every record helps nobody.
void Writer::write_now(const char* data, size_t n) {
  if (!error_.empty()) return;
  if (fd_ < 0) {
    error_ = "write to a closed output";
  } else if (!detail::write_all(fd_, data, n)) {
    note_error(errno);
  }
}

void Writer::note_error(int error) {
  if (error != 0 && error_.empty()) error_ = "error writing '" + name_ + "': " + std::strerror(error);
}

void Writer::close() {
  if (fd_ < 0) return;
  flush();
  behind_.reset();
  if (owned_ && ::close(fd_) != 0 && error_.empty()) {
    error_ = "error closing '" + name_ + "': " + std::strerror(errno);
  }
  fd_ = -1;
  owned_ = false;
}

}  // namespace streamc
