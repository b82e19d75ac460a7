# SPDX-License-Identifier: MIT
# Small helpers shared by every target: one place for warnings, sanitizers and the test boilerplate.

set(KMS_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)

if(KMS_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(KMS_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

# KMS_FUZZ: every project object carries libFuzzer's coverage hooks and ASan+UBSan (UB aborts, so
# the fuzzer sees it as a crash); only the fuzz targets link libFuzzer's main (fuzz/CMakeLists.txt).
if(KMS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KMS_FUZZ=ON needs clang (libFuzzer), but the C++ compiler is "
                        "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER}. Configure a fresh build folder with "
                        "CC=clang CXX=clang++, as scripts/fuzz.sh does.")
  endif()
  if(KMS_SANITIZE)
    message(FATAL_ERROR "KMS_FUZZ=ON brings its own sanitizers (address, undefined); leave KMS_SANITIZE empty.")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# kms_target_defaults(<target>): the warnings every project target compiles with.
function(kms_target_defaults target)
  target_compile_options(${target} PRIVATE ${KMS_WARNING_FLAGS})
  if(KMS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE QT_NO_FOREACH)
endfunction()

# kms_add_library(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# A static library for one core folder; its folder's parent is the include root, so code
# includes "storage/Store.h", "text/Normalizer.h", ...
function(kms_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/..")
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  kms_target_defaults(${name})
endfunction()

# kms_add_test(<name> SOURCES ... LIBS ... [ENV ...] [TIMEOUT s] [LABELS ...])
# One Qt Test executable registered with CTest. Widget tests pass ENV QT_QPA_PLATFORM=offscreen.
function(kms_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  # The executables' allocator (jemalloc unless sanitizers), so tests and benchmarks run as they do.
  target_link_libraries(${name} PRIVATE kms::allocator Qt6::Test ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    KMS_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data"
    KMS_TEST_BINARY_DIR="${CMAKE_BINARY_DIR}")
  kms_target_defaults(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  set(sanitizer_env "")
  if(KMS_SANITIZE STREQUAL "thread")
    # Suppressions for findings outside our code (tests/tsan.supp), and no lock-order checking:
    # hnswlib's addPoint takes its per-element locks in both orders (safe: an element not yet linked
    # cannot be another insert's neighbour), which TSan reports without stacks a suppression could
    # match, and its lock graph over one mutex per vector made the search and ingest tests time out.
    # TSan runs 5-15x slower, so QTest's per-function watchdog and CTest's limit grow with it.
    set(sanitizer_env "TSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/tsan.supp:detect_deadlocks=0"
                      "QTEST_FUNCTION_TIMEOUT=3600000")
    math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * 6")
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${sanitizer_env};${ARG_ENV}")
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()
