# SPDX-License-Identifier: MIT
# Fails when a front end (ui/, app/) reaches past the Engine facade: it may not include the store
# (core/storage), the vector index (core/index), the services behind the facade
# (engine/EngineInternals.h, the job queue ingest/JobScheduler.h, search/SearchEngine.h), nor the
# benchmark's store. Value types live in core/model and search/SearchTypes.h; everything else is a
# verb on Engine, which is what lets the GUI, kmsctl and the HTTP API share one surface.
# Usage: cmake -DSOURCE_DIR=<repo> -P CheckLayers.cmake
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "SOURCE_DIR is not set")
endif()
file(GLOB_RECURSE files LIST_DIRECTORIES false "${SOURCE_DIR}/ui/*" "${SOURCE_DIR}/app/*")
set(forbidden "#[ \t]*include[ \t]*[\"<](storage/|index/|engine/EngineInternals\\.h|ingest/JobScheduler\\.h|search/SearchEngine\\.h)")
set(offenders "")
set(checked 0)
foreach(f IN LISTS files)
  if(NOT f MATCHES "\\.(h|hpp|cpp|cc)$")
    continue()
  endif()
  math(EXPR checked "${checked} + 1")
  file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
  file(STRINGS "${f}" hits REGEX "${forbidden}")
  foreach(line IN LISTS hits)
    string(STRIP "${line}" line)
    string(APPEND offenders "  ${rel}: ${line}\n")
  endforeach()
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "no ui/ or app/ sources found under ${SOURCE_DIR}")
endif()
if(offenders)
  message(FATAL_ERROR "front ends reach past the Engine facade (use an Engine verb or a core/model type):\n${offenders}")
endif()
message(STATUS "${checked} ui/ and app/ files use the Engine facade only")
