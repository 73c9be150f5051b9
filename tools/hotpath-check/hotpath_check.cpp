// hotpath-check: reads a generated pipeline with Clang and fails, naming the
// line, when a per-record function contains a virtual call, a heap
// allocation, a std::map / std::unordered_map keyed by strings, or a throw.
// Per-record functions are the generated `on_*` (the fused pipelines and a
// scan's on_record), `parse_*` and `probe_*` functions, and the runtime's
// functions marked STREAMC_PER_RECORD (the loops of the stream scans, as
// instantiated for this program), with the lambdas inside them.
//
//   hotpath-check program.cpp -- -std=c++20 -I<runtime include> ...
//
// What those functions call out of line (the runtime's .cpp files, simdjson)
// is checked by its own tests and benchmarks.
#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Tooling/CommonOptionsParser.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/CommandLine.h>

#include <cstdio>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;

namespace {

llvm::cl::OptionCategory kCategory("hotpath-check");

// Marked in the runtime by STREAMC_PER_RECORD (streamc/per_record.h).
bool marked_per_record(const FunctionDecl& fn) {
  for (const auto* a : fn.specific_attrs<AnnotateAttr>()) {
    if (a->getAnnotation() == "streamc::per_record") return true;
  }
  if (const FunctionDecl* pattern = fn.getTemplateInstantiationPattern()) return marked_per_record(*pattern);
  return false;
}

AST_MATCHER(FunctionDecl, isMarkedPerRecord) { return marked_per_record(Node); }

// The functions that run once per record (or per group of records): the fused
// functions and a scan's on_record, the parsers, the table probes, the
// runtime's marked loops, and the lambdas inside the marked loops.
auto per_record() {
  return functionDecl(anyOf(matchesName("::(on_[a-z0-9_]+|parse_[a-z0-9_]+|probe_[a-z0-9_]+)$"), isMarkedPerRecord(),
                            cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())),
                                          hasAncestor(functionDecl(isMarkedPerRecord())))),
                      isDefinition());
}

auto string_keyed_map() {
  auto string_type = hasUnqualifiedDesugaredType(recordType(hasDeclaration(
      classTemplateSpecializationDecl(hasAnyName("::std::basic_string", "::std::basic_string_view")))));
  return cxxRecordDecl(classTemplateSpecializationDecl(
      hasAnyName("::std::map", "::std::unordered_map", "::std::multimap", "::std::unordered_multimap"),
      hasTemplateArgument(0, refersToType(string_type))));
}

// The function a lambda is written in (or fn itself).
const FunctionDecl* outer_function(const FunctionDecl& fn) {
  if (const auto* method = dyn_cast<CXXMethodDecl>(&fn); method && method->getParent()->isLambda()) {
    if (const auto* outer = dyn_cast<FunctionDecl>(method->getParent()->getDeclContext())) return outer;
  }
  return &fn;
}

class Reporter : public MatchFinder::MatchCallback {
 public:
  Reporter(const char* what, int& problems) : what_(what), problems_(problems) {}

  void run(const MatchFinder::MatchResult& result) override {
    const auto* fn = result.Nodes.getNodeAs<FunctionDecl>("fn");
    const auto* node = result.Nodes.getNodeAs<Stmt>("bad");
    if (!fn || !node) return;
    const SourceManager& sm = *result.SourceManager;
    SourceLocation loc = sm.getExpansionLoc(node->getBeginLoc());
    // The generated code itself, and the runtime's marked functions.
    if (!sm.isInMainFile(loc) && !marked_per_record(*fn) && !marked_per_record(*outer_function(*fn))) return;
    std::string name = fn->getQualifiedNameAsString();
    if (const FunctionDecl* outer = outer_function(*fn); outer != fn) {
      name = "the lambda in " + outer->getQualifiedNameAsString();
    }
    std::printf("%s:%u:%u: error: %s in the per-record function '%s'\n", sm.getFilename(loc).str().c_str(),
                sm.getExpansionLineNumber(loc), sm.getExpansionColumnNumber(loc), what_, name.c_str());
    ++problems_;
  }

 private:
  const char* what_;
  int& problems_;
};

}  // namespace

int main(int argc, const char** argv) {
  auto options = tooling::CommonOptionsParser::create(argc, argv, kCategory);
  if (!options) {
    llvm::errs() << options.takeError();
    return 2;
  }
  tooling::ClangTool tool(options->getCompilations(), options->getSourcePathList());
  tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-isystem", HOTPATH_RESOURCE_INCLUDE, "-Wno-everything"}, tooling::ArgumentInsertPosition::END));
  int problems = 0;
  Reporter virtual_call("a virtual call", problems), throws("a throw", problems),
      allocation("a heap allocation", problems), string_map("a map keyed by strings", problems);
  MatchFinder finder;
  auto inside = hasAncestor(per_record().bind("fn"));
  finder.addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(isVirtual())), inside).bind("bad"), &virtual_call);
  finder.addMatcher(cxxThrowExpr(inside).bind("bad"), &throws);
  finder.addMatcher(cxxNewExpr(inside).bind("bad"), &allocation);
  finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::malloc", "::calloc", "::realloc", "::std::make_unique",
                                              "::std::make_shared", "::strdup"))),
               inside)
          .bind("bad"),
      &allocation);
  // Growing a container or making a std::string allocates.
  finder.addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back", "insert", "emplace", "resize",
                                                         "reserve", "append", "assign"),
                                              ofClass(hasAnyName("::std::vector", "::std::basic_string", "::std::deque",
                                                                 "::std::list")))),
                        inside)
          .bind("bad"),
      &allocation);
  finder.addMatcher(cxxConstructExpr(hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
                                         classTemplateSpecializationDecl(hasName("::std::basic_string")))))),
                                     inside)
                        .bind("bad"),
                    &allocation);
  finder.addMatcher(declRefExpr(to(varDecl(hasType(hasUnqualifiedDesugaredType(
                                    recordType(hasDeclaration(string_keyed_map())))))),
                                inside)
                        .bind("bad"),
                    &string_map);
  finder.addMatcher(memberExpr(hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(string_keyed_map())))),
                               inside)
                        .bind("bad"),
                    &string_map);
  int rc = tool.run(tooling::newFrontendActionFactory(&finder).get());
  if (rc != 0) return 2;
  return problems == 0 ? 0 : 1;
}
