# article-widget.wasm: a standalone module, no Emscripten JS glue. It
# imports nothing; the shim in web/ instantiates it with an empty import
# object and calls the aw_* exports (src/wasm_exports.h). The renderer is
# linked here; the articles are not: tools/build-web.mjs adds the content
# blob as the custom section the shim hands to the module at start.
add_executable(article-widget src/wasm_exports.c)
set_target_properties(article-widget PROPERTIES SUFFIX ".wasm")
target_link_libraries(article-widget PRIVATE aw_renderer)
target_compile_definitions(article-widget PRIVATE AW_PACKAGE_VERSION="${AW_VERSION}")
aw_strict_warnings(article-widget)
target_link_options(article-widget PRIVATE
  --no-entry
  -sSTANDALONE_WASM=1
  -sMALLOC=emmalloc
  -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=262144
  -sTOTAL_STACK=65536
  -sERROR_ON_UNDEFINED_SYMBOLS=1)

# Report the size on every build: it is what every reader downloads.
add_custom_command(TARGET article-widget POST_BUILD
  COMMAND ${CMAKE_COMMAND} -DFILE=$<TARGET_FILE:article-widget> -P ${CMAKE_SOURCE_DIR}/cmake/PrintSize.cmake
  VERBATIM)

# dist/: the JS shim wrapped around this exact module.
find_program(AW_NODE node REQUIRED)
file(GLOB AW_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/src/*)
file(GLOB AW_WEB_TOOLS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/*.mjs)
set(AW_DIST_FILES article-widget.js article-widget.mjs article-widget.min.js article-widget.min.mjs
    article-widget.node.mjs article-widget.cjs
    article-widget.min.js.map article-widget.min.mjs.map article-widget.wasm article-widget.inline.min.js
    THIRD-PARTY-NOTICES.md article-widget.d.ts wasm.d.ts custom-elements.json LICENSE manifest.json)
list(TRANSFORM AW_DIST_FILES PREPEND ${CMAKE_SOURCE_DIR}/dist/)
add_custom_command(
  OUTPUT ${AW_DIST_FILES}
  # md4c's MIT licence asks for its notice in every copy: the .wasm is one.
  COMMAND ${AW_NODE} tools/build-web.mjs --wasm $<TARGET_FILE:article-widget> --content ${AW_CONTENT_BLOB} --out dist
          --notice md4c=${AW_MD4C_DIR}/LICENSE.md
  DEPENDS article-widget ${AW_CONTENT_BLOB} aw_content_blob ${AW_WEB_SOURCES} ${AW_WEB_TOOLS}
          ${CMAKE_SOURCE_DIR}/dist/package.json ${CMAKE_SOURCE_DIR}/LICENSE
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Writing dist/"
  VERBATIM)
add_custom_target(dist ALL DEPENDS ${CMAKE_SOURCE_DIR}/dist/article-widget.js)
