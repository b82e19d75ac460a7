# SPDX-License-Identifier: MIT
# Every screenshot the metainfo links to must exist in docs/screenshots, so a renamed or deleted
# screenshot breaks the test rather than the software centre's page.
# cmake -DMETAINFO=file.metainfo.xml -DSCREENSHOTS=docs/screenshots -P CheckScreenshots.cmake
file(READ "${METAINFO}" xml)
string(REGEX MATCHALL "<image>[^<]*</image>" images "${xml}")
if(NOT images)
  message(FATAL_ERROR "${METAINFO}: no <image> in <screenshots>")
endif()
foreach(image IN LISTS images)
  string(REGEX REPLACE "^<image>.*/docs/screenshots/([^<]+)</image>$" "\\1" name "${image}")
  if(name STREQUAL image)
    message(FATAL_ERROR "${METAINFO}: ${image} does not point into docs/screenshots")
  endif()
  if(NOT EXISTS "${SCREENSHOTS}/${name}")
    message(FATAL_ERROR "${METAINFO}: ${image} names ${name}, which is not in ${SCREENSHOTS}")
  endif()
  message(STATUS "screenshot ${name}: present")
endforeach()
