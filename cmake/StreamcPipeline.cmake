# streamc_add_pipeline(<name> SOURCES <query.sql> [OUTPUT_NAME <binary>])
#
# Compiles a streaming SQL query into a target <name>: the query is turned
# into C++ by `streamc emit` at build time and built with the runtime.
# Editing the .sql (or a data file its schema is discovered from) rebuilds
# that target and nothing else. Relative paths in the query resolve against
# the query file's directory.
include_guard(GLOBAL)

function(streamc_add_pipeline name)
  cmake_parse_arguments(ARG "" "OUTPUT_NAME" "SOURCES" ${ARGN})
  list(LENGTH ARG_SOURCES count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "streamc_add_pipeline(${name}): SOURCES takes exactly one .sql file")
  endif()
  get_filename_component(query ${ARG_SOURCES} ABSOLUTE)
  get_filename_component(query_dir ${query} DIRECTORY)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/streamc/${name}.cpp)
  add_custom_command(
    OUTPUT ${generated}
    COMMAND streamc::streamc emit ${query} -o ${generated} --depfile ${generated}.d
    DEPENDS ${query} streamc::streamc
    DEPFILE ${generated}.d
    COMMENT "Compiling ${ARG_SOURCES} with streamc"
    VERBATIM)
  set_source_files_properties(${generated} PROPERTIES GENERATED TRUE)
  add_executable(${name} ${generated})
  target_link_libraries(${name} PRIVATE streamc::runtime)
  target_compile_definitions(${name} PRIVATE STREAMC_QUERY_DIR="${query_dir}")
  # Generated code is checked by streamc, not by the user's warning flags.
  target_compile_options(${name} PRIVATE -w)
  if(ARG_OUTPUT_NAME)
    set_target_properties(${name} PROPERTIES OUTPUT_NAME ${ARG_OUTPUT_NAME})
  endif()
endfunction()
