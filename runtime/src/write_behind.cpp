// Write-behind: a sink's full buffers written by a thread of their own.
#include "write_behind.h"

#include <unistd.h>

#include <cerrno>

namespace streamc::detail {

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

WriteBehind::WriteBehind(int fd) : fd_(fd), thread_([this] { loop(); }) {}

WriteBehind::~WriteBehind() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !busy_; });
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void WriteBehind::submit(const char* data, size_t n) {
  {
    std::lock_guard lock(mutex_);
    data_ = data;
    size_ = n;
    busy_ = true;
  }
  changed_.notify_all();
}

int WriteBehind::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !busy_; });
  const int error = error_;
  error_ = 0;
  return error;
}

void WriteBehind::loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return busy_ || stop_; });
    if (!busy_) return;  // stopped with nothing in flight
    const char* data = data_;
    const size_t n = size_;
    lock.unlock();
    const int error = write_all(fd_, data, n) ? 0 : errno;
    lock.lock();
    error_ = error;
    busy_ = false;
    changed_.notify_all();
  }
}

}  // namespace streamc::detail
