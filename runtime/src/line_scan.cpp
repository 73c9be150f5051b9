// The 'threads' and 'chunk.bytes' properties of chunked scans.
#include "streamc/line_scan.h"

#include <charconv>

namespace streamc {

bool line_scan_options(const Config& config, LineScanOptions& options, std::string& error) {
  const std::string& threads = config.get("threads");
  if (!parse_thread_count(threads, options.threads)) {
    error = "'threads' must be 'auto' or a positive number of threads, not '" + threads + "'";
    return false;
  }
  const std::string& bytes = config.get("chunk.bytes");
  if (bytes.empty()) return true;
  size_t n = 0;
  const auto [end, ec] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), n);
  if (ec != std::errc() || end != bytes.data() + bytes.size() || n == 0) {
    error = "'chunk.bytes' must be a positive number of bytes, not '" + bytes + "'";
    return false;
  }
  options.chunk_bytes = n;
  return true;
}

bool more_than_one_thread(const Config& config) {
  unsigned threads = 1;
  return parse_thread_count(config.get("threads"), threads) && threads > 1;
}

}  // namespace streamc
