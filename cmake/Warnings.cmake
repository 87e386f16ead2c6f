# Strict warnings for our own targets; third-party md4c is built without them.
function(aw_strict_warnings target)
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes -Wshadow -Wvla -Wformat=2 -Werror=implicit-function-declaration)
  endif()
endfunction()
