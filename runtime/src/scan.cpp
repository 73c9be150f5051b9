// Helpers of scans: CSV columns by name, waiting for a file, table statistics, a coarse clock.
#include "streamc/scan.h"

#include <sys/stat.h>
#include <time.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "streamc/config.h"
#include "streamc/text.h"

namespace streamc {
int find_column(const std::vector<CsvField>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].text == name) return static_cast<int>(i);
  }
  for (size_t i = 0; i < header.size(); ++i) {
    if (ascii_iequals(header[i].text, name)) return static_cast<int>(i);
  }
  return -1;
}

void print_table_stats(FILE* out, std::string_view table, size_t rows, size_t bytes) {
  std::fprintf(out, "streamc: table %.*s: %zu rows, %zu bytes, %.1f bytes a row\n", static_cast<int>(table.size()),
               table.data(), rows, bytes, rows ? static_cast<double>(bytes) / static_cast<double>(rows) : 0.0);
}

void print_state_stats(FILE* out, std::string_view member, std::string_view kind, size_t entries, size_t bytes) {
  std::fprintf(out, "streamc: %.*s (%.*s): %zu entries, %zu bytes\n", static_cast<int>(member.size()), member.data(),
               static_cast<int>(kind.size()), kind.data(), entries, bytes);
}

int64_t coarse_now_ms() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

int64_t wall_clock_ms() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME_COARSE, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

bool wait_for_file(const std::string& path, std::string_view shown, std::string_view source,
                   std::string_view timeout, std::string_view retry, std::string& error) {
  struct stat st;
  if (path == "-" || stat(path.c_str(), &st) == 0) return true;
  const std::string reason = std::strerror(errno);
  int64_t timeout_ms = 0, retry_ms = 1000;
  if (!timeout.empty() && !parse_duration_ms(timeout, timeout_ms)) {
    error = "'" + std::string(source) + ".file.wait.timeout' must be a duration such as 30s, not '" +
            std::string(timeout) + "'";
    return false;
  }
  if (!retry.empty() && (!parse_duration_ms(retry, retry_ms) || retry_ms <= 0)) {
    error = "'" + std::string(source) + ".file.retry.interval' must be a duration such as 1s, not '" +
            std::string(retry) + "'";
    return false;
  }
  if (timeout_ms <= 0) {
    error = "cannot open '" + std::string(shown) + "' for '" + std::string(source) + "': " + reason +
            "; to wait for it, set '" + std::string(source) + ".file.wait.timeout' (for example --set " +
            std::string(source) + ".file.wait.timeout=30s)";
    return false;
  }
  std::fprintf(stderr, "streamc: waiting up to %.*s for '%.*s' (%.*s) to appear, looking every %.*s\n",
               static_cast<int>(timeout.size()), timeout.data(), static_cast<int>(shown.size()), shown.data(),
               static_cast<int>(source.size()), source.data(), static_cast<int>(retry.size()), retry.data());
  for (int64_t waited = 0; waited < timeout_ms;) {
    int64_t step = retry_ms < timeout_ms - waited ? retry_ms : timeout_ms - waited;
    struct timespec pause = {static_cast<time_t>(step / 1000), static_cast<long>(step % 1000) * 1000000};
    while (nanosleep(&pause, &pause) != 0 && errno == EINTR) {
    }
    waited += step;
    if (stat(path.c_str(), &st) == 0) {
      std::fprintf(stderr, "streamc: '%.*s' appeared\n", static_cast<int>(shown.size()), shown.data());
      return true;
    }
  }
  error = "'" + std::string(shown) + "' (" + std::string(source) + ") did not appear within " + std::string(timeout);
  return false;
}

}  // namespace streamc
