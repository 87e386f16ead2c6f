# The toolchain file of the `wasm` preset: plain `cmake --preset wasm`
# configures for Emscripten, as `emcmake cmake` would, by including
# Emscripten's own toolchain file (cmake/Modules/Platform/Emscripten.cmake
# in its tree). The tree is the first of:
#   -DEMSCRIPTEN_ROOT_PATH=DIR   Emscripten's own variable, for any other layout
#   $EMSDK/upstream/emscripten   upstream emsdk (after `source emsdk_env.sh`)
#   the folder of `emcc` on PATH, symlinks resolved
#                                (Debian: /usr/bin/emcc -> /usr/share/emscripten/wrapper)
# CMake reads this file again for each compiler check, so it only looks.
set(aw_emscripten_platform cmake/Modules/Platform/Emscripten.cmake)

if(NOT EMSCRIPTEN_ROOT_PATH AND DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/${aw_emscripten_platform}")
  set(EMSCRIPTEN_ROOT_PATH "$ENV{EMSDK}/upstream/emscripten")
endif()
if(NOT EMSCRIPTEN_ROOT_PATH)
  find_program(aw_emcc emcc NO_CACHE)
  if(aw_emcc)
    file(REAL_PATH "${aw_emcc}" aw_emcc_real)
    get_filename_component(aw_emcc_dir "${aw_emcc_real}" DIRECTORY)
    if(EXISTS "${aw_emcc_dir}/${aw_emscripten_platform}")
      set(EMSCRIPTEN_ROOT_PATH "${aw_emcc_dir}")
    endif()
  endif()
endif()
if(NOT EMSCRIPTEN_ROOT_PATH OR NOT EXISTS "${EMSCRIPTEN_ROOT_PATH}/${aw_emscripten_platform}")
  message(FATAL_ERROR "Emscripten not found: install it (Debian: apt install emscripten; emsdk: source emsdk_env.sh) "
                      "or pass -DEMSCRIPTEN_ROOT_PATH=<the folder holding emcc and ${aw_emscripten_platform}>.")
endif()

include("${EMSCRIPTEN_ROOT_PATH}/${aw_emscripten_platform}")
