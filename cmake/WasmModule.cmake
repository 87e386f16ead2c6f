# Our wasm modules: standalone, no Emscripten JS glue, no imports at all.
#
# article-widget.wasm, the renderer: the shim in web/ instantiates it with
# an empty import object and calls the aw_* exports (src/wasm_exports.h).
# Code only: the articles are files beside it (src/content_blob.h), the
# same module serves every site.
#
# article-widget-content.wasm, the content packer (src/content_exports.h):
# content_build.c's checks and formats for the package's command
# (web/cli/), which packs a site's own articles without a C toolchain, and
# for dist/'s demo edition of content/ (tools/build-web.mjs takes the same
# path). Pages never load it.
function(aw_wasm_module target)
  set_target_properties(${target} PROPERTIES SUFFIX ".wasm")
  target_sources(${target} PRIVATE ${CMAKE_SOURCE_DIR}/src/wasm_module.c)
  aw_strict_warnings(${target})
  target_link_options(${target} PRIVATE
    --no-entry
    -sSTANDALONE_WASM=1
    -sMALLOC=emmalloc
    -sFILESYSTEM=0
    -sALLOW_MEMORY_GROWTH=1
    -sMAXIMUM_MEMORY=2147483648 # 2 GiB, so that a render's length fits its int result (src/wasm_exports.c)
    -sINITIAL_MEMORY=262144
    -sTOTAL_STACK=65536
    -sERROR_ON_UNDEFINED_SYMBOLS=1
    -sSUPPORT_ERRNO=0)
  # Report the size on every build.
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DFILE=$<TARGET_FILE:${target}> -P ${CMAKE_SOURCE_DIR}/cmake/PrintSize.cmake
    VERBATIM)
endfunction()

add_executable(article-widget src/wasm_exports.c)
target_link_libraries(article-widget PRIVATE aw_renderer)
# Only the exports the shim calls (Emscripten adds stack helpers and its
# function table; -sSUPPORT_ERRNO=0 keeps out __errno_location), then
# binaryen's -Oz over the result. Added before aw_wasm_module()'s size
# report: POST_BUILD steps run in the order they are added.
find_program(AW_NODE node REQUIRED)
add_custom_command(TARGET article-widget POST_BUILD
  COMMAND ${AW_NODE} ${CMAKE_SOURCE_DIR}/tools/prune-exports.mjs $<TARGET_FILE:article-widget>
  VERBATIM)
aw_wasm_module(article-widget)

add_executable(article-widget-content src/content_exports.c)
target_link_libraries(article-widget-content PRIVATE aw_content_build)
aw_wasm_module(article-widget-content)

# dist/: the JS shim wrapped around this exact module.
# The shim (web/src/), the Node code the build shares with the command
# (web/node/), and the command (web/cli/) with the preview page's look
# (web/demo.css, web/favicon.svg).
file(GLOB AW_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/src/* ${CMAKE_SOURCE_DIR}/web/node/*
     ${CMAKE_SOURCE_DIR}/web/cli/* ${CMAKE_SOURCE_DIR}/web/demo.css ${CMAKE_SOURCE_DIR}/web/favicon.svg)
file(GLOB AW_WEB_TOOLS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/*.mjs)
# What the build writes is what the package holds: dist/package.json's
# "files" (read by CMakeLists.txt; scripts/pack checks the two agree). A
# folder there (the demo archive, "articles/") is no file CMake can name
# as an output: its files come with the edition's, which is listed.
set(AW_DIST_FILES "")
string(JSON aw_files_count LENGTH "${aw_package_json}" files)
math(EXPR aw_files_last "${aw_files_count} - 1")
foreach(i RANGE ${aw_files_last})
  string(JSON aw_file GET "${aw_package_json}" files ${i})
  if(NOT aw_file MATCHES "/$")
    list(APPEND AW_DIST_FILES ${CMAKE_SOURCE_DIR}/dist/${aw_file})
  endif()
endforeach()
add_custom_command(
  OUTPUT ${AW_DIST_FILES}
  # md4c's MIT licence asks for its notice in every copy: the .wasm is one.
  COMMAND ${AW_NODE} tools/build-web.mjs --wasm $<TARGET_FILE:article-widget> --content content --out dist
          --notice md4c=${AW_MD4C_DIR}/LICENSE.md --content-module $<TARGET_FILE:article-widget-content>
  DEPENDS article-widget article-widget-content ${AW_ARTICLES} content/trending.md ${AW_WEB_SOURCES} ${AW_WEB_TOOLS}
          ${CMAKE_SOURCE_DIR}/dist/package.json ${CMAKE_SOURCE_DIR}/LICENSE
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Writing dist/"
  VERBATIM)
add_custom_target(dist ALL DEPENDS ${CMAKE_SOURCE_DIR}/dist/article-widget.js)
