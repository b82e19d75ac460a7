# SPDX-License-Identifier: MIT
# Every third-party dependency, found once, as imported targets. All come from Debian 12's
# packages (scripts/install-deps.sh installs them).

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Concurrent Network Widgets Charts Test LinguistTools)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(spdlog REQUIRED)
find_package(simdjson REQUIRED)
# Eigen: dense and sparse linear algebra for training the LSA embedder (header-only).
find_package(Eigen3 3.3 REQUIRED NO_MODULE)

# hnswlib is header-only and ships no CMake config: an INTERFACE target over its headers.
find_path(HNSWLIB_INCLUDE_DIR hnswlib/hnswlib.h REQUIRED)
add_library(kms_hnswlib INTERFACE)
target_include_directories(kms_hnswlib SYSTEM INTERFACE "${HNSWLIB_INCLUDE_DIR}")
add_library(kms::hnswlib ALIAS kms_hnswlib)

# libcsv: RFC 4180 streaming parser.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(kms_libcsv INTERFACE)
target_include_directories(kms_libcsv SYSTEM INTERFACE "${LIBCSV_INCLUDE_DIR}")
target_link_libraries(kms_libcsv INTERFACE "${LIBCSV_LIBRARY}")
add_library(kms::csv ALIAS kms_libcsv)

# xxHash: content hashes and file checksums.
find_path(XXHASH_INCLUDE_DIR xxhash.h REQUIRED)
find_library(XXHASH_LIBRARY xxhash REQUIRED)
add_library(kms_xxhash INTERFACE)
target_include_directories(kms_xxhash SYSTEM INTERFACE "${XXHASH_INCLUDE_DIR}")
target_link_libraries(kms_xxhash INTERFACE "${XXHASH_LIBRARY}")
add_library(kms::xxhash ALIAS kms_xxhash)

# cpp-httplib (the REST API's server): a shared library whose class layout depends on the flags it
# was built with, so its pkg-config compile flags (OpenSSL, zlib, brotli) must be ours too.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
add_library(kms::httplib ALIAS PkgConfig::HTTPLIB)

# OpenBLAS: the local encoder's matrix products. Debian's build picks AVX2 / AVX-512 kernels at run
# time, which a -march flag in a .deb could not. pkg-config finds the pthread flavour's headers.
pkg_check_modules(OPENBLAS REQUIRED IMPORTED_TARGET openblas)
add_library(kms_openblas INTERFACE)
target_link_libraries(kms_openblas INTERFACE PkgConfig::OPENBLAS)
add_library(kms::openblas ALIAS kms_openblas)

# hiredis (Debian's libhiredis-dev 0.14): the Redis client behind distributed embedding. This
# version has no TLS support (hiredis_ssl came with 1.0), so rediss:// URLs are refused.
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET GLOBAL hiredis)
add_library(kms::hiredis ALIAS PkgConfig::HIREDIS)

# zstd (Debian's libzstd-dev 1.5): the store keeps long record texts compressed with a dictionary
# trained on the store's own records (ZDICT), so short texts compress as well as long ones.
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET GLOBAL libzstd)
add_library(kms::zstd ALIAS PkgConfig::ZSTD)

# jemalloc (Debian's libjemalloc-dev 5.3) as the allocator of the executables and the tests. Under
# glibc's malloc the writer thread spent more and more of a large load in it (freeing batches the
# preparer threads allocated, under their arena's lock; consolidating a heap of mixed sizes). With
# jemalloc, loads of 100k and of a million records ran 10-13 % faster in paired runs
# (docs/performance.md, series 26). Sanitizers bring their own allocator.
option(KMS_JEMALLOC "Link kmsctl, kms-admin and the tests with jemalloc instead of glibc's malloc" ON)
add_library(kms_allocator INTERFACE)
set(KMS_USES_JEMALLOC OFF)
if(KMS_JEMALLOC AND NOT KMS_SANITIZE AND NOT KMS_FUZZ)
  set(KMS_USES_JEMALLOC ON)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET GLOBAL jemalloc)
  # Nothing calls jemalloc by name: --no-as-needed keeps the library even under a linker default of
  # --as-needed, where a library that only replaces libc symbols could be dropped.
  # Flags among the libraries so that they stay around this one on the link line.
  target_link_libraries(kms_allocator INTERFACE "-Wl,--push-state,--no-as-needed" PkgConfig::JEMALLOC
                        "-Wl,--pop-state")
endif()
add_library(kms::allocator ALIAS kms_allocator)
