// Runs the ANTLR parser (SLL first, LL on failure) and turns the first syntax error into a
// diagnostic.
#include "parser/parse.h"

#include <antlr4-runtime.h>

#include "StreamSqlLexer.h"
#include "StreamSqlParser.h"
#include "ast/transformer.h"
#include "util/strings.h"

namespace streamc {
namespace {

using grammar::StreamSqlLexer;
using grammar::StreamSqlParser;

// Byte offset of every code point, plus one past the end; empty on bad UTF-8.
std::vector<uint32_t> code_point_offsets(const std::string& text) {
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) return {};
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return {};
    }
    offsets.push_back(static_cast<uint32_t>(i));
    i += n;
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

std::string describe_token(antlr4::Token* token) {
  if (!token || token->getType() == antlr4::Token::EOF) return "end of input";
  std::string text = token->getText();
  if (text.size() > 40) text = text.substr(0, 40) + "...";
  return "'" + text + "'";
}

// Keeps the first syntax error only: ANTLR's recovery produces cascades
// that say nothing more to the user.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(const std::vector<uint32_t>& offsets, Diagnostics& diags)
      : offsets_(offsets), diags_(diags) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* token, size_t line,
                   size_t column, const std::string& antlr_message, std::exception_ptr) override {
    if (reported_) return;
    reported_ = true;
    SourceRange range;
    std::string message;
    if (token) {
      size_t begin = std::min(token->getStartIndex(), offsets_.size() - 1);
      size_t end = token->getType() == antlr4::Token::EOF ? begin
                                                          : std::min(token->getStopIndex() + 1, offsets_.size() - 1);
      range = {offsets_[begin], offsets_[std::max(begin, end)]};
      if (token->getType() == StreamSqlLexer::UNRECOGNIZED) {
        std::string text = token->getText();
        message = text == "'" ? "unterminated string literal"
                : text == "\"" || text == "`" ? "unterminated quoted identifier"
                : "unexpected character '" + text + "'";
      } else {
        message = "unexpected " + describe_token(token);
        auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
        if (parser) {
          std::vector<std::string> expected;
          for (size_t type : parser->getExpectedTokens().toList()) {
            std::string name = parser->getVocabulary().getDisplayName(type);
            if (type == antlr4::Token::EOF) name = "end of input";
            expected.push_back(name);
          }
          if (!expected.empty() && expected.size() <= 6) message += "; expected " + join(expected, ", ");
        }
      }
    } else {
      // Lexer errors carry no token: point at the line and column ANTLR gives.
      message = antlr_message;
      (void)line;
      (void)column;
    }
    diags_.report(DiagId::syntax_error, range, {message});
  }

 private:
  const std::vector<uint32_t>& offsets_;
  Diagnostics& diags_;
  bool reported_ = false;
};

// `-- SQL Application: name` and `-- Version: v` header comments name the program.
void read_header_comments(const std::string& text, ast::Script& script) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view line = std::string_view(text).substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line.substr(first, 2) == "--") {
      std::string_view body = line.substr(first + 2);
      body.remove_prefix(std::min(body.find_first_not_of(' '), body.size()));
      while (!body.empty() && (body.back() == '\r' || body.back() == ' ')) body.remove_suffix(1);
      auto value_after = [&](std::string_view key) -> std::optional<std::string> {
        if (body.size() < key.size() || !iequals(body.substr(0, key.size()), key)) return std::nullopt;
        std::string_view rest = body.substr(key.size());
        rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
        return std::string(rest);
      };
      if (auto v = value_after("SQL Application:")) script.application_name = *v;
      if (auto v = value_after("Version:")) script.version = *v;
    }
    if (eol == std::string::npos) break;
    pos = eol + 1;
  }
}

}  // namespace

std::optional<ast::Script> parse_script(const SourceFile& file, Diagnostics& diags) {
  std::vector<uint32_t> offsets = code_point_offsets(file.text());
  if (offsets.empty()) {
    diags.report(DiagId::invalid_utf8, {});
    return std::nullopt;
  }
  antlr4::ANTLRInputStream input(file.text());
  StreamSqlLexer lexer(&input);
  SyntaxErrorListener listener(offsets, diags);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream tokens(&lexer);
  StreamSqlParser parser(&tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  // SLL prediction is enough for almost every query and much faster; fall
  // back to full LL only when it fails.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  StreamSqlParser::ScriptContext* tree = nullptr;
  try {
    tree = parser.script();
  } catch (const antlr4::ParseCancellationException&) {
    tokens.seek(0);
    parser.reset();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    tree = parser.script();
  }
  if (diags.has_errors()) return std::nullopt;
  if (tree->statement().empty()) {
    diags.report(DiagId::empty_script, {});
    return std::nullopt;
  }
  ast::Transformer transformer(offsets, diags);
  ast::Script script = transformer.transform_script(*tree);
  read_header_comments(file.text(), script);
  if (diags.has_errors()) return std::nullopt;
  return script;
}

}  // namespace streamc
