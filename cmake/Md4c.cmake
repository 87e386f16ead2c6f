# md4c arrives as a pinned, hash-checked source archive at configure time
# and is unpacked under the build tree, where our patches (cmake/patches/,
# each saying why) are applied; nothing of md4c is committed.
#   -DMD4C_SOURCE_DIR=...  use an unpacked md4c 0.5.2 instead (copied, then patched)
#   -DAW_DOWNLOAD_DIR=...  where the archive is kept between builds
set(AW_MD4C_VERSION 0.5.2)
set(AW_MD4C_SHA256 55d0111d48fb11883aaee91465e642b8b640775a4d6993c2d0e7a8092758ef21)
set(AW_MD4C_PATCHES
  ${CMAKE_SOURCE_DIR}/cmake/patches/md4c-0.5.2-linear-link-scan.patch
  ${CMAKE_SOURCE_DIR}/cmake/patches/md4c-0.5.2-fixed-flags.patch)
set(MD4C_SOURCE_DIR "" CACHE PATH "An unpacked md4c ${AW_MD4C_VERSION} source tree (default: fetch and verify the archive)")
set(AW_DOWNLOAD_DIR ${CMAKE_SOURCE_DIR}/build/downloads CACHE PATH "Where fetched source archives are kept")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${AW_MD4C_PATCHES})

if(NOT MD4C_SOURCE_DIR)
  set(archive ${AW_DOWNLOAD_DIR}/md4c-${AW_MD4C_VERSION}.tar.gz)
  if(EXISTS ${archive})
    file(SHA256 ${archive} actual)
    if(NOT actual STREQUAL AW_MD4C_SHA256)
      file(REMOVE ${archive})
    endif()
  endif()
  if(NOT EXISTS ${archive})
    message(STATUS "Fetching md4c ${AW_MD4C_VERSION}")
    execute_process(
      COMMAND sh ${CMAKE_SOURCE_DIR}/scripts/fetch-md4c ${AW_MD4C_VERSION} ${archive}
      RESULT_VARIABLE fetch_result)
    if(NOT fetch_result EQUAL 0 OR NOT EXISTS ${archive})
      message(FATAL_ERROR "Could not fetch md4c ${AW_MD4C_VERSION}. Put the archive at ${archive} "
                          "or pass -DMD4C_SOURCE_DIR=/path/to/md4c-${AW_MD4C_VERSION}.")
    endif()
  endif()
  file(SHA256 ${archive} actual)
  if(NOT actual STREQUAL AW_MD4C_SHA256)
    file(REMOVE ${archive})
    message(FATAL_ERROR "md4c archive hash mismatch: expected ${AW_MD4C_SHA256}, got ${actual}. The file was removed.")
  endif()
endif()

# The tree is made once per source and set of patches (the stamp's name says
# which): unpacked or copied afresh, then patched, so a patch is never
# applied twice and a changed patch starts from md4c's own files again.
set(unpack_dir ${CMAKE_BINARY_DIR}/_deps/md4c)
set(tree_id "${AW_MD4C_SHA256} ${MD4C_SOURCE_DIR}")
foreach(patch IN LISTS AW_MD4C_PATCHES)
  file(SHA256 ${patch} patch_hash)
  string(APPEND tree_id " ${patch_hash}")
endforeach()
string(SHA256 tree_id "${tree_id}")
if(NOT EXISTS ${unpack_dir}/${tree_id}.stamp)
  find_program(AW_PATCH patch)
  if(NOT AW_PATCH)
    message(FATAL_ERROR "'patch' is needed to apply cmake/patches/ to md4c (scripts/setup installs it)")
  endif()
  file(REMOVE_RECURSE ${unpack_dir})
  if(MD4C_SOURCE_DIR)
    file(COPY ${MD4C_SOURCE_DIR}/src ${MD4C_SOURCE_DIR}/test DESTINATION ${unpack_dir}/md4c-${AW_MD4C_VERSION})
  else()
    file(ARCHIVE_EXTRACT INPUT ${archive} DESTINATION ${unpack_dir})
  endif()
  file(GLOB md4c_top LIST_DIRECTORIES true ${unpack_dir}/md4c-*)
  foreach(patch IN LISTS AW_MD4C_PATCHES)
    # --fuzz=0: a patch applies to exactly the lines it was made against.
    execute_process(
      COMMAND ${AW_PATCH} -p1 --fuzz=0 --no-backup-if-mismatch --silent --input=${patch}
      WORKING_DIRECTORY ${md4c_top}
      RESULT_VARIABLE patch_result)
    if(NOT patch_result EQUAL 0)
      file(REMOVE_RECURSE ${unpack_dir})
      message(FATAL_ERROR "${patch} does not apply to md4c ${AW_MD4C_VERSION}")
    endif()
  endforeach()
  file(TOUCH ${unpack_dir}/${tree_id}.stamp)
endif()
file(GLOB md4c_dir LIST_DIRECTORIES true ${unpack_dir}/md4c-*)

if(NOT EXISTS ${md4c_dir}/src/md4c.c)
  message(FATAL_ERROR "${md4c_dir} does not look like md4c: src/md4c.c is missing")
endif()
message(STATUS "md4c ${AW_MD4C_VERSION}: ${md4c_dir}, with cmake/patches/ applied")

# Only the parser: the HTML renderer is ours. The fixed-flags patch lets
# MD4C_FIXED_FLAGS make the parser flags src/markdown_flags.h's at compile
# time, so the features they leave off are not compiled at all.
add_library(md4c STATIC ${md4c_dir}/src/md4c.c)
target_include_directories(md4c SYSTEM PUBLIC ${md4c_dir}/src)
target_compile_definitions(md4c PRIVATE MD4C_FIXED_FLAGS=AW_MARKDOWN_FLAGS)
target_compile_options(md4c PRIVATE -include ${CMAKE_SOURCE_DIR}/src/markdown_flags.h)
set(AW_MD4C_DIR ${md4c_dir}) # its test/ folder holds the conformance suites
target_compile_definitions(md4c PRIVATE MD4C_USE_UTF8)
