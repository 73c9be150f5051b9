// One query file through every stage: parse, bind, plan; diagnostics on the way.
#include "driver/frontend.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parser/parse.h"
#include "sema/binder.h"

namespace streamc {

Compilation compile_query(const std::string& path) {
  Compilation c;
  c.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string reason = std::strerror(errno);
    c.diags = std::make_unique<Diagnostics>(nullptr);
    c.diags->report(DiagId::cannot_read_file, {}, {path, reason});
    return c;
  }
  std::ostringstream text;
  text << in.rdbuf();
  c.file = std::make_unique<SourceFile>(path, text.str());
  c.diags = std::make_unique<Diagnostics>(c.file.get());
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  c.query_dir = absolute.parent_path().lexically_normal().string();

  c.script = parse_script(*c.file, *c.diags);
  if (!c.script) return c;
  BindOptions options;
  options.query_dir = c.query_dir;
  options.program_name = std::filesystem::path(path).stem().string();
  auto bound = bind_script(*c.script, options, *c.diags);
  if (!bound) return c;
  c.program = std::make_unique<BoundProgram>(std::move(*bound));
  c.plan = make_plan(*c.program);
  return c;
}

}  // namespace streamc
