# SPDX-License-Identifier: MIT
# Fails when SQLite is used outside core/storage: no file under core/ (but core/storage), ui/ or
# app/ may mention sqlite3, take the raw connection (connectionOf, storage/StoreConnection.h) or include the storage
# module's internal statement header. Keeping every statement and connection in one module is
# what lets it promise one writer.
# Usage: cmake -DSOURCE_DIR=<repo> -P CheckSqliteConfined.cmake
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "SOURCE_DIR is not set")
endif()
file(GLOB_RECURSE files LIST_DIRECTORIES false
  "${SOURCE_DIR}/core/*" "${SOURCE_DIR}/ui/*" "${SOURCE_DIR}/app/*")
set(offenders "")
foreach(f IN LISTS files)
  file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
  if(rel MATCHES "^core/storage/" OR NOT rel MATCHES "\\.(h|hpp|cpp|cc|c|txt|cmake)$")
    continue()
  endif()
  file(STRINGS "${f}" hits REGEX "sqlite3|storage/StoreSql\\.h|storage/StoreConnection\\.h|connectionOf")
  foreach(line IN LISTS hits)
    string(STRIP "${line}" line)
    string(APPEND offenders "  ${rel}: ${line}\n")
  endforeach()
endforeach()
if(offenders)
  message(FATAL_ERROR "SQLite used outside core/storage (move the statement into core/storage):\n${offenders}")
endif()
message(STATUS "sqlite3 is confined to core/storage (${SOURCE_DIR})")
