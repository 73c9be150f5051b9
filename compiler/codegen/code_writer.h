// Writes generated C++ with the indentation owned by the writer: a Block
// opens a brace scope and closes it when it goes out of scope (MLIR's
// raw_indented_ostream, protobuf's io::Printer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace streamc {

// `{}` placeholders replaced by the arguments in order.
std::string fmt(std::string_view pattern, std::initializer_list<std::string_view> args);

class CodeWriter {
 public:
  class Block {
   public:
    Block(CodeWriter& w, std::string closer) : w_(&w), closer_(std::move(closer)) {}
    Block(Block&& other) noexcept : w_(other.w_), closer_(std::move(other.closer_)) { other.w_ = nullptr; }
    Block(const Block&) = delete;
    ~Block() {
      if (w_) {
        w_->dedent();
        w_->line(closer_);
      }
    }

   private:
    CodeWriter* w_;
    std::string closer_;
  };

  void line(std::string_view text);
  void line(std::string_view pattern, std::initializer_list<std::string_view> args) { line(fmt(pattern, args)); }
  void blank();
  // Writes `header {` and indents; the returned Block writes `closer`.
  [[nodiscard]] Block block(std::string_view header, std::string closer = "}");
  // Turns the `}` just written by a closed block into `} else {`.
  [[nodiscard]] Block else_block();
  // Copies another writer's lines, indented to this writer's depth.
  void append(const CodeWriter& other);
  void indent() { ++depth_; }
  void dedent() { --depth_; }
  bool empty() const { return out_.empty(); }
  int depth() const { return depth_; }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
  int depth_ = 0;
};

}  // namespace streamc
