#!/bin/sh
# The flow is one-way: code generation reads the plan alone. Code in
# compiler/codegen is compiled against a view of compiler/ without sema/ and
# ast/ (compiler/CMakeLists.txt); this checks that the view still holds:
# through it plan/plan.h is found and sema/ and ast/ headers are not.
#   check.sh CXX CODEGEN_VIEW RUNTIME_INCLUDE
cxx=$1 view=$2 runtime=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
compiles() {
  printf '#include "%s"\nint main() { return 0; }\n' "$1" >"$dir/probe.cpp"
  "$cxx" -std=c++20 -fsyntax-only -I"$view" -I"$runtime" "$dir/probe.cpp" 2>"$dir/err"
}
compiles plan/plan.h || { echo "plan/plan.h does not compile through the codegen view:"; cat "$dir/err"; exit 1; }
for header in sema/catalog.h sema/bound_program.h ast/statements.h; do
  if compiles "$header"; then
    echo "codegen can include $header: code generation must read only the plan"
    exit 1
  fi
done
echo "code generation sees the plan, not sema/ or ast/"
