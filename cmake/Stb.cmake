# stb_sprintf comes from the system (Debian libstb-dev), never from this repo.
# NO_CMAKE_FIND_ROOT_PATH: under Emscripten the header still lives on the host.
find_path(AW_STB_INCLUDE_DIR stb_sprintf.h
  PATHS /usr/include /usr/local/include
  PATH_SUFFIXES stb
  NO_CMAKE_FIND_ROOT_PATH
  DOC "Folder holding stb_sprintf.h")
if(NOT AW_STB_INCLUDE_DIR)
  message(FATAL_ERROR "stb_sprintf.h not found: install Debian's libstb-dev (scripts/setup does) or pass -DAW_STB_INCLUDE_DIR=...")
endif()
