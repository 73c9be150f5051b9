// name: runtime counters
// description: the record counters line printed at exit
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "streamc/counters.h"

namespace streamc {
namespace {

std::string printed(const Counters& c, std::string_view program) {
  FILE* f = std::tmpfile();
  c.print(f, program);
  std::rewind(f);
  std::string out;
  for (int ch; (ch = std::fgetc(f)) != EOF;) out += static_cast<char>(ch);
  std::fclose(f);
  return out;
}

TEST(Counters, PrintsOneLine) {
  Counters c;
  EXPECT_EQ(printed(c, "q"), "streamc: q: read 0 records, wrote 0, skipped 0\n");
  c.read = 1000;
  c.written = 250;
  EXPECT_EQ(printed(c, "trade_enrichment"),
            "streamc: trade_enrichment: read 1000 records, wrote 250, skipped 0\n");
}

TEST(Counters, LateOnlyWhenNonZero) {
  Counters c;
  c.read = 18446744073709551615ULL;
  c.skipped = 3;
  c.late = 2;
  EXPECT_EQ(printed(c, "q"),
            "streamc: q: read 18446744073709551615 records, wrote 0, skipped 3, late 2\n");
}

}  // namespace
}  // namespace streamc
