// streamc: compiles streaming SQL into a standalone C++ program.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "codegen/generate.h"
#include "driver/build.h"
#include "driver/build_config.h"
#include "driver/frontend.h"
#include "driver/golden_runner.h"
#include "driver/hotpath.h"

namespace streamc {
namespace {

constexpr const char* kUsage = R"(usage: streamc <command> [options] <query.sql>

Compiles streaming SQL into a standalone C++ program: records are parsed
straight into typed structs and run through code generated for the query.

commands:
  check    parse and type-check the query; report errors with line and caret
  emit     print the generated C++ (-o FILE writes it to a file)
  build    compile the query into a binary (-o FILE; default: ./<query name>)
  run      build (cached) and run the query; --set overrides WITH properties
  explain  show the plan: sources, inferred schemas, pipelines and sinks
  test     run golden-file regression cases (a folder of query + expected output)

examples:
  streamc check enrich.sql
  streamc emit enrich.sql -o enrich.cpp
  streamc build enrich.sql -o enrich && ./enrich --set trades.path=today.jsonl
  streamc run enrich.sql --set trades.path=today.jsonl
  streamc explain enrich.sql
  streamc test cases/ --update

'streamc <command> --help' shows the options of one command.
Exit status: 0 ok, 1 an error in the query or its input, 2 an internal error.
)";

struct CommandHelp {
  const char* name;
  const char* text;
};

constexpr CommandHelp kCommandHelp[] = {
    {"check", R"(usage: streamc check <query.sql>

Parses and type-checks the query without generating code. Errors are printed
like a C++ compiler's, with the line, a caret and a suggestion:

  q.sql:3:8: error: unknown column 'usr_id' in 'trades'; did you mean 'user_id'?

Exit status 0 when the query compiles, 1 when it has errors.
)"},
    {"emit", R"(usage: streamc emit <query.sql> [-o FILE] [--depfile FILE] [--no-format]

Prints the C++ program generated for the query: one struct per source with
only the columns the query reads, a parser specialized to the source's
format, and one fused function per query.

  -o FILE       write the program to FILE instead of standard output
  --depfile F   with -o: also write a Makefile-style dependency file listing
                the query and the data files its schemas were discovered from
  --no-format   skip formatting with libFormat
)"},
    {"build", R"(usage: streamc build <query.sql> [-o FILE] [-v]

Compiles the query into a standalone binary. Builds are cached by a hash of
the generated code, so an unchanged query builds instantly the second time.
Relative paths in the query resolve against the query file's directory.

  -o FILE   where to write the binary (default: the query's name, in the
            current directory)
  -v        print the C++ compiler command
)"},
    {"run", R"(usage: streamc run <query.sql> [--set name.property=value ...] [-v]

Builds the query (cached) and runs it. --set overrides a WITH property for
this run, for example another input file:

  streamc run enrich.sql --set trades.path=data/today.jsonl

The program's own --help lists every property it accepts.
)"},
    {"explain", R"(usage: streamc explain <query.sql> [--dot]

Shows what the query compiles to: each source with its schema (declared, or
inferred from the file at compile time) and the columns read, and each
pipeline as Scan -> Filter -> Project -> Limit -> Sink.

  --dot   print the plan as a Graphviz graph: streamc explain q.sql --dot | dot -Tsvg
)"},
    {"test", R"(usage: streamc test <DIR> [--update] [-v] [--hotpath-check FILE]

Runs golden-file regression cases. A case is a folder holding query.sql, its
input files and what it expects; DIR is one case or a folder of cases.

  expected.out  the program's output: stdout, then '==> stderr <==', then
                '==> out/<file> <==' for each file it wrote under out/, then
                '==> exit N <==' when the exit status N is not 0
  expected.err  the query must fail to compile with exactly these diagnostics
  expected.cpp  the generated C++, byte for byte (optional)
  args          arguments for the program, one per line (e.g. --set, then
                trades.path=other.jsonl)

  --update   rewrite the expectations from what happens now; review the diff
  -v         list every case, not only the failing ones
  --hotpath-check FILE
             the hot-path check to run on each case's generated C++ (no
             virtual call, heap allocation, string-keyed map or throw per
             record); default: $STREAMC_HOTPATH_CHECK, else hotpath-check
             beside streamc, built when Clang's libtooling is installed.
             Without one, the cases run unchecked and a note says so.

Exit status 0 when every case passes, 1 otherwise.
)"},
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "streamc: error: %s\n(run 'streamc --help' for usage)\n", message.c_str());
  return 1;
}

struct Options {
  std::string command;
  std::string query;
  std::string output;
  std::string depfile;  // emit: a Makefile-style list of the files the output depends on
  bool no_format = false;
  bool update = false;  // test
  std::string hotpath_check;  // test: the hot-path check tool
  bool dot = false;     // explain
  bool verbose = false;
  std::vector<std::string> program_args;  // for `run`
};

// Reports the diagnostics; true when the query compiled.
bool report(const Compilation& c) {
  if (!c.diags->all().empty()) c.diags->render(std::cerr);
  return c.ok();
}

// The query and every data file a schema was discovered from: a change to
// any of them must regenerate the program (CMake's DEPFILE, Ninja's deps).
bool write_depfile(const Compilation& c, const std::string& output, const std::string& path) {
  auto escape = [](const std::string& s) {
    std::string out;
    for (char ch : s) {
      if (ch == ' ' || ch == '#') out += '\\';
      if (ch == '$') out += '$';
      out += ch;
    }
    return out;
  };
  std::string text = escape(output) + ":";
  text += " " + escape(std::filesystem::absolute(c.path).lexically_normal().string());
  for (const SourceDef& src : c.program->catalog.sources()) {
    if (!src.schema_file.empty()) text += " " + escape(std::filesystem::absolute(src.schema_file).lexically_normal().string());
  }
  std::ofstream out(path, std::ios::binary);
  out << text << "\n";
  return static_cast<bool>(out);
}

std::string generate(const Compilation& c, bool format) {
  GenerateOptions options;
  options.query_file = c.path;
  options.format = format;
  return generate_cpp(*c.plan, options);
}

int run_command(const Options& opt) {
  if (opt.command == "test") {
    GoldenOptions options;
    options.update = opt.update;
    options.verbose = opt.verbose;
    HotpathCheck check = find_hotpath_check(opt.hotpath_check);
    if (!check.error.empty()) return usage_error(check.error);
    if (check.tool.empty()) {
      std::fprintf(stderr, "streamc: note: the hot-path check is not available, so generated code is not checked "
                           "for allocations, virtual calls and throws per record: %s\n", check.missing.c_str());
    } else if (opt.verbose) {
      std::fprintf(stderr, "streamc: hot-path check: %s\n", check.tool.c_str());
    }
    options.hotpath_check = check.tool;
    return run_golden(opt.query, options) == 0 ? 0 : 1;
  }
  Compilation c = compile_query(opt.query);
  if (!report(c)) return 1;
  if (opt.command == "check") return 0;
  if (opt.command == "explain") {
    std::cout << (opt.dot ? explain_dot(*c.plan) : explain(*c.plan));
    return 0;
  }
  if (opt.command == "emit") {
    std::string cpp = generate(c, !opt.no_format);
    if (opt.output.empty()) {
      std::cout << cpp;
      return 0;
    }
    std::ofstream out(opt.output, std::ios::binary);
    out << cpp;
    if (!out) return usage_error("cannot write '" + opt.output + "'");
    if (!opt.depfile.empty() && !write_depfile(c, opt.output, opt.depfile)) {
      return usage_error("cannot write '" + opt.depfile + "'");
    }
    return 0;
  }
  BuildRequest request;
  request.cpp = generate(c, false);  // formatted only when it is compiled (a cache miss)
  request.format = true;
  request.query_dir = c.query_dir;
  request.verbose = opt.verbose;
  // A cold build takes a second or two: say what is happening on a terminal.
  if (isatty(2)) request.progress = "streamc: compiling " + opt.query + " (the next build of it is cached)";
  if (opt.command == "build") {
    request.output = opt.output.empty() ? std::filesystem::path(opt.query).stem().string() : opt.output;
  }
  if (opt.verbose) std::fprintf(stderr, "streamc: building %s\n", opt.query.c_str());
  BuildResult built = build_program(request);
  if (!built.ok) {
    std::fprintf(stderr, "%s\nstreamc: error: the generated program did not compile (this is a bug in streamc)\n",
                 built.error.c_str());
    return 2;
  }
  if (opt.command == "build") {
    if (opt.verbose) std::fprintf(stderr, "streamc: wrote %s%s\n", built.binary.c_str(), built.cached ? " (cached)" : "");
    return 0;
  }
  // run: become the program, so its output, signals and exit status are the user's.
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(built.binary.c_str()));
  for (const auto& a : opt.program_args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);
  execv(argv[0], argv.data());
  std::fprintf(stderr, "streamc: error: cannot run '%s': %s\n", argv[0], std::strerror(errno));
  return 2;
}

int main_impl(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 1 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("streamc %s\n", STREAMC_VERSION);
    return 0;
  }
  Options opt;
  opt.command = argv[1];
  const CommandHelp* help = nullptr;
  for (const auto& h : kCommandHelp) {
    if (opt.command == h.name) help = &h;
  }
  if (!help) return usage_error("unknown command '" + opt.command + "'; the commands are check, emit, build, run, explain, test");
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(help->text, stdout);
      return 0;
    }
    if (opt.command == "run" && !opt.query.empty() && a != "-v") {
      opt.program_args.push_back(a);  // everything after the query goes to the program
    } else if (a == "-o" && (opt.command == "emit" || opt.command == "build")) {
      if (i + 1 >= argc) return usage_error("-o needs a file name");
      opt.output = argv[++i];
    } else if (a == "--depfile" && opt.command == "emit") {
      if (i + 1 >= argc) return usage_error("--depfile needs a file name");
      opt.depfile = argv[++i];
    } else if (a == "--no-format" && opt.command == "emit") {
      opt.no_format = true;
    } else if (a == "--dot" && opt.command == "explain") {
      opt.dot = true;
    } else if (a == "--update" && opt.command == "test") {
      opt.update = true;
    } else if (a == "--hotpath-check" && opt.command == "test") {
      if (i + 1 >= argc) return usage_error("--hotpath-check needs a file name");
      opt.hotpath_check = argv[++i];
    } else if (a == "-v" && (opt.command == "build" || opt.command == "run" || opt.command == "test")) {
      opt.verbose = true;
    } else if (a == "--set" && opt.command == "run") {
      return usage_error("--set goes after the query file: streamc run q.sql --set name.property=value");
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage_error("unknown option '" + a + "' for '" + opt.command + "'");
    } else if (opt.query.empty()) {
      opt.query = a;
    } else {
      return usage_error("'" + opt.command + "' takes one query file, but was given '" + opt.query + "' and '" + a + "'");
    }
  }
  if (opt.query.empty()) {
    return usage_error("'" + opt.command + "' needs " + (opt.command == "test" ? "a folder of cases" : "a query file"));
  }
  return run_command(opt);
}

}  // namespace
}  // namespace streamc

int main(int argc, char** argv) {
  try {
    return streamc::main_impl(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "streamc: internal error: %s\n", e.what());
    return 2;
  } catch (...) {
    std::fprintf(stderr, "streamc: internal error\n");
    return 2;
  }
}
