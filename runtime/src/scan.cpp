#include "streamc/scan.h"

namespace streamc {
namespace {

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

int find_column(const std::vector<CsvField>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].text == name) return static_cast<int>(i);
  }
  for (size_t i = 0; i < header.size(); ++i) {
    if (ascii_iequals(header[i].text, name)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace streamc
