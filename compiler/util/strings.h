// Small string helpers shared by the compiler stages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace streamc {

std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool starts_with(std::string_view s, std::string_view prefix);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace streamc

namespace streamc {
// Decimal digits to int64 without exceptions; false on overflow or junk.
bool to_int64(std::string_view s, int64_t& out);
// Milliseconds in the largest unit that divides them: 60000 is "1m", 1500 "1500ms".
std::string format_duration(int64_t ms);
}  // namespace streamc
