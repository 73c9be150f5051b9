// The read side shared by FileReader and CsvReader: a file descriptor and
// one buffer filled with read(2), never the whole file at once. Unread bytes
// are moved to the front before each read; the buffer grows only when a
// single record fills it. At least kPadding zero bytes follow the valid data
// so simdjson can parse a line in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace streamc {

class InputBuffer {
 public:
  static constexpr size_t kPadding = 64;  // >= SIMDJSON_PADDING
  static constexpr size_t kDefaultCapacity = size_t{1} << 20;

  explicit InputBuffer(size_t capacity = kDefaultCapacity);
  ~InputBuffer();
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;

  // "-" reads standard input. Error text: cannot open 'x.csv': No such file
  // or directory.
  bool open(const std::string& path, std::string& error);
  // Reads from an already open descriptor; closes it at close() when owned.
  void open_fd(int fd, bool owned, std::string name);
  // Reads bytes already in memory (a chunk of a mapped file); they must stay
  // valid until close(). Nothing is copied.
  void open_memory(std::string_view bytes, std::string name);
  void close();

  // The bytes read but not consumed yet. Valid until the next fill().
  const char* data() const { return base_ + pos_; }
  size_t size() const { return end_ - pos_; }
  void consume(size_t n) {
    pos_ += n;
    if (map_ != nullptr && pos_ - released_ > kReleaseEvery) release_behind(n);
  }

  // Reads more bytes (one read(2), retried on EINTR) after the unread ones;
  // the first call reads until it knows whether the input starts with a BOM.
  // Moves unread bytes to the front first and doubles the buffer when they
  // fill it. True when bytes were added; false at end of input or after a
  // read error (see error()). data() and size() stay valid either way.
  bool fill();

  // After the end of input: looks again, for a file that is still being
  // written (a watched table). True when bytes were added. A mapped file
  // is not looked at again: call set_mappable(false) before open() to follow one.
  bool poll();

  // A regular file is mapped into memory rather than read (no copy through
  // the kernel); the padding after its end is zero pages of the mapping.
  void set_mappable(bool mappable) { mappable_ = mappable; }
  bool mapped() const { return map_ != nullptr; }
  // A mapped file: every byte not consumed yet, handed over at once (the
  // buffer counts them consumed). At least kPadding readable bytes follow.
  // The caller gives pages back with release_pages() as it goes.
  std::string_view take_mapped();

  bool at_eof() const { return eof_; }
  // Non-empty after a read error.
  const std::string& error() const { return error_; }
  const std::string& name() const { return name_; }
  size_t capacity() const { return capacity_; }

 private:
  void compact_or_grow();
  void read_some();
  void skip_bom();
  bool map_file(int fd, size_t size);
  // A mapped file's pages far behind the read position leave the process's
  // memory (they stay in the page cache): peak RSS does not grow with the
  // file. What was consumed last, and the kKeepBehind bytes before it, stay valid.
  void release_behind(size_t last);
  static constexpr size_t kReleaseEvery = size_t{16} << 20;
  static constexpr size_t kKeepBehind = size_t{8} << 20;
  size_t released_ = 0;

  std::unique_ptr<char[]> buf_;
  const char* base_;         // buf_, or the mapping of a mapped file
  char* map_ = nullptr;
  size_t map_len_ = 0;
  bool mappable_ = true;
  size_t capacity_;
  size_t pos_ = 0;
  size_t end_ = 0;
  int fd_ = -1;
  bool owned_ = false;
  bool eof_ = true;
  bool bom_checked_ = false;
  std::string name_;
  std::string error_;
};

// Gives the whole pages inside [begin, end) of a mapped file back to the
// kernel (they stay in the page cache; reading them again maps them again).
// Returns where the next release should begin: the start of end's page.
const char* release_pages(const char* begin, const char* end);

}  // namespace streamc
