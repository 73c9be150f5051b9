# Writes a header that holds a text file as a C++ raw string literal.
# Usage: cmake -DINPUT=file -DOUTPUT=header -DNAME=kName -P embed_text.cmake
file(READ ${INPUT} content)
string(FIND "${content}" ")streamc_text\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter")
endif()
file(WRITE ${OUTPUT}.tmp
  "// Generated from ${INPUT} at build time — do not edit.\n"
  "#pragma once\n#include <string_view>\nnamespace streamc {\n"
  "inline constexpr std::string_view ${NAME} = R\"streamc_text(${content})streamc_text\";\n"
  "}  // namespace streamc\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
