// A thread that writes a full output buffer to its descriptor while the
// pipelines fill the next one, so the copy into the kernel is not on the
// thread that runs them. One buffer is in flight at a time: submit() after
// wait(), and the buffer is the caller's again once wait() returns.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace streamc::detail {

class WriteBehind {
 public:
  explicit WriteBehind(int fd);
  ~WriteBehind();  // waits for the buffer in flight
  WriteBehind(const WriteBehind&) = delete;
  WriteBehind& operator=(const WriteBehind&) = delete;

  // Starts writing [data, data + n); the bytes must stay until wait().
  void submit(const char* data, size_t n);
  // Waits until the buffer submitted last is written: 0, or the errno of the
  // write that failed.
  int wait();

 private:
  void loop();

  const int fd_;
  std::mutex mutex_;
  std::condition_variable changed_;
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool busy_ = false;
  bool stop_ = false;
  int error_ = 0;
  std::thread thread_;  // last: starts once the members above exist
};

// Writes all of [data, data + n), retrying interrupted and partial writes;
// false with errno set when a write fails.
bool write_all(int fd, const char* data, size_t n);

}  // namespace streamc::detail
