/* Reading files and streams into a buffer, for the native programs:
 * aw-render, the content embedder, the benchmark's native ceiling, the
 * conformance driver. Not part of the wasm module, which has no files. */
#ifndef AW_READ_FILE_H
#define AW_READ_FILE_H

#include "buffer.h"

#include <stdio.h>

/* aw_read_stream()'s size for "up to the end of the stream". */
#define AW_READ_ALL ((size_t)-1)

/* Appends the next `size` bytes of `in` to `out` (AW_READ_ALL: everything
 * up to the end). Returns 0, or -1 when the stream cannot be read, ends
 * before `size` bytes, or `out` fails (then `out->failed` is set). */
int aw_read_stream(FILE *in, size_t size, aw_buffer *out);

/* Appends the whole file at `path` to `out`. Returns 0, or -1 with `errno`
 * set by the failing call (or `out->failed` set when memory ran out). */
int aw_read_file(const char *path, aw_buffer *out);

/* aw_read_file(), and when it fails, one line on stderr saying why:
 * "PATH: reason" (the system's message, or "out of memory"). */
int aw_read_file_or_report(const char *path, aw_buffer *out);

#endif
