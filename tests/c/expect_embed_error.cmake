# Runs aw-embed with ARGS ('|'-separated) and passes only when it fails
# with EXPECTED on stderr, writing nothing (OUT is not made), and stderr
# holds no escape, bell or carriage return (what content could send a
# terminal).
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" " " shown "${ARGS}")
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${EMBED} --out ${OUT} ${ARGS}
  RESULT_VARIABLE result ERROR_VARIABLE stderr)
if(result EQUAL 0)
  message(FATAL_ERROR "aw-embed ${shown} succeeded; expected: ${EXPECTED}")
endif()
if(EXISTS ${OUT})
  message(FATAL_ERROR "aw-embed ${shown} failed but wrote ${OUT}")
endif()
string(FIND "${stderr}" "${EXPECTED}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "aw-embed ${shown} said:\n${stderr}\nexpected:\n${EXPECTED}")
endif()
foreach(code 7 13 27)
  string(ASCII ${code} control)
  string(FIND "${stderr}" "${control}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "aw-embed ${shown} printed the control character ${code}:\n${stderr}")
  endif()
endforeach()
