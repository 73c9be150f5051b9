// Helpers for compiler unit tests: compile SQL text held in memory.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "parser/parse.h"
#include "plan/plan.h"
#include "sema/binder.h"

namespace streamc::testing_util {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  std::unique_ptr<Diagnostics> diags;
  std::optional<ast::Script> script;
};

inline Parsed parse_sql(const std::string& sql) {
  Parsed p;
  p.file = std::make_unique<SourceFile>("q.sql", sql);
  p.diags = std::make_unique<Diagnostics>(p.file.get());
  p.script = parse_script(*p.file, *p.diags);
  return p;
}

struct Bound {
  Parsed parsed;
  std::optional<BoundProgram> program;
  std::string errors() const { return parsed.diags->render(); }
};

// Binds against declared sources only (no files are read).
inline Bound bind_sql(const std::string& sql) {
  Bound b;
  b.parsed = parse_sql(sql);
  if (!b.parsed.script) return b;
  BindOptions options;
  options.program_name = "q";
  b.program = bind_script(*b.parsed.script, options, *b.parsed.diags);
  return b;
}

// A declared JSON stream most tests select from.
inline const char* kTrades =
    "CREATE STREAM trades (trade_id BIGINT NOT NULL, user_id VARCHAR, symbol VARCHAR, quantity INT, "
    "price DECIMAL(18, 4), fee DOUBLE, ts TIMESTAMP, active BOOLEAN) "
    "WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');\n";

}  // namespace streamc::testing_util
