# cmake -DFILE=path -P PrintSize.cmake: prints the file's size raw and gzipped.
file(SIZE ${FILE} raw)
execute_process(COMMAND gzip -9 -c ${FILE} COMMAND wc -c OUTPUT_VARIABLE gz OUTPUT_STRIP_TRAILING_WHITESPACE)
get_filename_component(name ${FILE} NAME)
message(STATUS "${name}: ${raw} bytes, ${gz} bytes gzip -9")
