// Spelling values and SQL text safely in C++: no SQL text can end a string
// literal or a comment early, splice lines or form a trigraph.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace streamc {

// A C++ string literal with the exact bytes of `s`: `"a\"b"sv`. Everything
// outside printable ASCII is an octal escape, `?` is escaped (no `??/`).
std::string cpp_string_literal(std::string_view s);
// The same without the `sv` suffix, for `const char*` contexts (no NULs).
std::string cpp_c_string(std::string_view s);

// A C++ character literal: 'a', '\\', '\047'.
std::string cpp_char_literal(char c);

// SQL text for a `//` comment: one line, in backquotes, printable.
std::string comment_text(std::string_view sql);

// The JSON spelling of a string, quotes included.
std::string json_quote(std::string_view s);

std::string int128_literal(__int128 v);
std::string double_literal(double v);

}  // namespace streamc
