// W4 by hand: the baseline for bench/queries/w4_1brc.sql (the One Billion
// Row Challenge as Velostream's demo writes it), written as a careful
// engineer would without streamc and without SIMD: the file mapped, lines
// cut with memchr, temperatures read as integer tenths, stations in an
// open-addressing table. Writes one JSON line per station, in the order the
// stations first appear: {"station","min_temp","avg_temp","max_temp"}.
//
//   hand_w4 MEASUREMENTS OUT
//
// Assumes what gen_measurements writes, as far as it differs from streamc's
// full semantics: a `station;temperature` header, every temperature present
// with exactly one fraction digit, station names without quotes, backslashes
// or control characters. AVG is exact, as streamc's AVG of a DECIMAL(3,1)
// is: the sum of the tenths divided by the count, rounded half away from
// zero to six decimals.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void die(const char* what, const char* detail) {
  std::fprintf(stderr, "hand_w4: %s: %s\n", what, detail);
  std::exit(1);
}

struct Station {
  std::string_view name;  // into the mapped file
  int min = 0;            // tenths of a degree
  int max = 0;
  int64_t sum = 0;  // tenths
  uint64_t count = 0;
};

// Open addressing, linear probing, power-of-two capacity; never full (the
// challenge has about 400 stations, 10,000 at most).
class Stations {
 public:
  Stations() : slots_(1 << 16, -1) {}

  Station& find(std::string_view name) {
    uint64_t h = 1469598103934665603ull;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    size_t i = h & (slots_.size() - 1);
    while (slots_[i] >= 0) {
      Station& s = stations_[slots_[i]];
      if (s.name == name) return s;
      i = (i + 1) & (slots_.size() - 1);
    }
    if (stations_.size() * 2 >= slots_.size()) die("too many stations", "more than 32768");
    slots_[i] = static_cast<int32_t>(stations_.size());
    stations_.push_back({name, 0, 0, 0, 0});
    return stations_.back();
  }
  const std::vector<Station>& in_order() const { return stations_; }

 private:
  std::vector<int32_t> slots_;
  std::vector<Station> stations_;
};

// "-12.3" -> -123
int tenths(const char* p, const char* end) {
  bool negative = *p == '-';
  if (negative) ++p;
  int v = 0;
  for (; p < end; ++p) {
    if (*p != '.') v = v * 10 + (*p - '0');
  }
  return negative ? -v : v;
}

void append_tenths(std::string& out, int v) {
  if (v < 0) {
    out += '-';
    v = -v;
  }
  out += std::to_string(v / 10);
  out += '.';
  out += static_cast<char>('0' + v % 10);
}

// The mean of `count` values summing to `tenths` tenths, to six decimals
// rounded half away from zero: "12.345600".
void append_mean(std::string& out, int64_t tenths, int64_t count) {
  const int64_t scaled = tenths * 100000;  // millionths
  int64_t q = scaled / count;
  const int64_t r = scaled % count;
  if (2 * (r < 0 ? -r : r) >= count) q += scaled < 0 ? -1 : 1;
  if (q < 0) {
    out += '-';
    q = -q;
  }
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, "%06lld", static_cast<long long>(q % 1000000));
  out += std::to_string(q / 1000000);
  out += '.';
  out += fraction;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: hand_w4 MEASUREMENTS OUT\n");
    return 2;
  }
  const int fd = ::open(argv[1], O_RDONLY);
  if (fd < 0) die(argv[1], std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) die(argv[1], std::strerror(errno));
  const size_t size = static_cast<size_t>(st.st_size);
  const char* data = size ? static_cast<const char*>(::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0)) : "";
  if (data == MAP_FAILED) die(argv[1], std::strerror(errno));
  ::madvise(const_cast<char*>(data), size, MADV_SEQUENTIAL);
  const char* p = data;
  const char* end = data + size;
  const char* header_end = static_cast<const char*>(std::memchr(p, '\n', size));
  p = header_end ? header_end + 1 : end;
  Stations stations;
  while (p < end) {
    const char* semi = static_cast<const char*>(std::memchr(p, ';', static_cast<size_t>(end - p)));
    if (!semi) die(argv[1], "a line without ';'");
    const char* eol = static_cast<const char*>(std::memchr(semi, '\n', static_cast<size_t>(end - semi)));
    if (!eol) eol = end;
    const int t = tenths(semi + 1, eol > semi + 1 && eol[-1] == '\r' ? eol - 1 : eol);
    Station& s = stations.find(std::string_view(p, static_cast<size_t>(semi - p)));
    if (s.count == 0 || t < s.min) s.min = t;
    if (s.count == 0 || t > s.max) s.max = t;
    s.sum += t;
    ++s.count;
    p = eol + 1;
  }
  std::string out;
  for (const Station& s : stations.in_order()) {
    out += "{\"station\":\"";
    out += s.name;
    out += "\",\"min_temp\":";
    append_tenths(out, s.min);
    out += ",\"avg_temp\":";
    append_mean(out, s.sum, static_cast<int64_t>(s.count));
    out += ",\"max_temp\":";
    append_tenths(out, s.max);
    out += "}\n";
  }
  FILE* f = std::fopen(argv[2], "wb");
  if (!f || std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0) {
    die(argv[2], "cannot write");
  }
  return 0;
}
