// The CodeWriter: lines with the indentation of their block, and fmt's {} substitution.
#include "codegen/code_writer.h"

namespace streamc {

std::string fmt(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  auto arg = args.begin();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && arg != args.end()) {
      out += *arg++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

void CodeWriter::line(std::string_view text) {
  if (text.empty()) {
    blank();
    return;
  }
  out_.append(static_cast<size_t>(depth_) * 2, ' ');
  out_ += text;
  out_ += '\n';
}

void CodeWriter::blank() {
  // Never two blank lines in a row, never a blank line after an opening brace.
  if (out_.empty() || out_.ends_with("\n\n") || out_.ends_with("{\n")) return;
  out_ += '\n';
}

CodeWriter::Block CodeWriter::block(std::string_view header, std::string closer) {
  line(std::string(header) + (header.empty() ? "{" : " {"));
  indent();
  return Block(*this, std::move(closer));
}

CodeWriter::Block CodeWriter::else_block() {
  std::string closing(static_cast<size_t>(depth_) * 2, ' ');
  closing += "}\n";
  if (!out_.ends_with(closing)) line("}");  // not expected; keeps the output well-formed
  out_.pop_back();  // the newline after "}"
  out_ += " else {\n";
  indent();
  return Block(*this, "}");
}

void CodeWriter::append(const CodeWriter& other) {
  size_t start = 0;
  const std::string& s = other.str();
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    std::string_view l(s.data() + start, end - start);
    if (l.empty()) blank();
    else line(l);
    start = end + 1;
  }
}

}  // namespace streamc
