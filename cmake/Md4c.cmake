# md4c arrives as a pinned, hash-checked source archive at configure time
# and is unpacked under the build tree; nothing of it is committed.
#   -DMD4C_SOURCE_DIR=...  use an unpacked md4c 0.5.2 instead
#   -DAW_DOWNLOAD_DIR=...  where the archive is kept between builds
set(AW_MD4C_VERSION 0.5.2)
set(AW_MD4C_SHA256 55d0111d48fb11883aaee91465e642b8b640775a4d6993c2d0e7a8092758ef21)
set(MD4C_SOURCE_DIR "" CACHE PATH "An unpacked md4c ${AW_MD4C_VERSION} source tree (default: fetch and verify the archive)")
set(AW_DOWNLOAD_DIR ${CMAKE_SOURCE_DIR}/build/downloads CACHE PATH "Where fetched source archives are kept")

set(md4c_dir ${MD4C_SOURCE_DIR})
if(NOT md4c_dir)
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

  set(unpack_dir ${CMAKE_BINARY_DIR}/_deps/md4c)
  if(NOT EXISTS ${unpack_dir}/${AW_MD4C_SHA256}.stamp)
    file(REMOVE_RECURSE ${unpack_dir})
    file(ARCHIVE_EXTRACT INPUT ${archive} DESTINATION ${unpack_dir})
    file(TOUCH ${unpack_dir}/${AW_MD4C_SHA256}.stamp)
  endif()
  file(GLOB md4c_top LIST_DIRECTORIES true ${unpack_dir}/md4c-*)
  set(md4c_dir ${md4c_top})
endif()

if(NOT EXISTS ${md4c_dir}/src/md4c.c)
  message(FATAL_ERROR "${md4c_dir} does not look like md4c: src/md4c.c is missing")
endif()
message(STATUS "md4c ${AW_MD4C_VERSION}: ${md4c_dir}")

# Only the parser: the HTML renderer is ours.
add_library(md4c STATIC ${md4c_dir}/src/md4c.c)
target_include_directories(md4c SYSTEM PUBLIC ${md4c_dir}/src)
set(AW_MD4C_DIR ${md4c_dir}) # its test/ folder holds the conformance suites
target_compile_definitions(md4c PRIVATE MD4C_USE_UTF8)
