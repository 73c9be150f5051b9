# A user's CMake project finds streamc in this build tree, compiles a query
# with streamc_add_pipeline(), runs it, and rebuilds only the pipeline when
# the .sql changes.
# cmake -DSOURCE_DIR=... -DBUILD_DIR=... -DSTREAMC_DIR=... -P cmake_consumer_test.cmake
set(work ${BUILD_DIR}/cmake-consumer)
file(REMOVE_RECURSE ${work})
file(COPY ${SOURCE_DIR}/examples/cmake-consumer/ DESTINATION ${work}/src)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} -S ${work}/src -B ${work}/build -G Ninja -Dstreamc_DIR=${STREAMC_DIR})
run(${CMAKE_COMMAND} --build ${work}/build)
run(${work}/build/large_orders)
set(expected "order_id,customer,amount\n1,ACME,1250.00\n3,INITECH,4800.10\n")
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "large_orders printed:\n${out}\nexpected:\n${expected}")
endif()

# Nothing to do when nothing changed; only the pipeline when the query changed.
run(${CMAKE_COMMAND} --build ${work}/build -- -n)
if(NOT out MATCHES "no work to do")
  message(FATAL_ERROR "an unchanged project rebuilt something:\n${out}")
endif()
file(APPEND ${work}/src/large_orders.sql "\n-- edited\n")
run(${CMAKE_COMMAND} --build ${work}/build -- -n -d explain)
if(NOT out MATCHES "Compiling large_orders.sql with streamc")
  message(FATAL_ERROR "editing the query did not regenerate the pipeline:\n${out}")
endif()
message(STATUS "cmake consumer: built, ran, and rebuilds on a query change")
