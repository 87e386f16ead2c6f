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
 * "PATH: reason" (the path made printable, printable.h; the system's
 * message, or "out of memory"). */
int aw_read_file_or_report(const char *path, aw_buffer *out);

/* What a path names, the final symbolic link not followed. */
typedef enum aw_file_kind {
    AW_FILE_REGULAR,
    AW_FILE_LINK,
    AW_FILE_FOLDER,
    AW_FILE_FIFO,
    AW_FILE_DEVICE,
    AW_FILE_SOCKET,
    AW_FILE_OTHER
} aw_file_kind;

/* "a regular file", "a symbolic link", "a folder", "a FIFO", "a device",
 * "a socket", "not a file". */
const char *aw_file_kind_name(aw_file_kind kind);

typedef struct aw_file_info {
    aw_file_kind kind;
    size_t size; /* in bytes */
} aw_file_info;

/* The kind and size of what `path` names, without opening it (lstat).
 * Returns 0, or -1 with `errno` set. */
int aw_file_probe(const char *path, aw_file_info *info);

/* aw_read_regular_file()'s results besides 0 and -1. */
#define AW_READ_NOT_REGULAR (-2)
#define AW_READ_TOO_LARGE (-3)

/* Appends the regular file at `path`, reading at most `limit` bytes and
 * never blocking on anything else: it is opened without following a final
 * symbolic link and without waiting for a FIFO's writer (O_NOFOLLOW,
 * O_NONBLOCK), then checked on the open descriptor (fstat), which fills
 * `info`. Returns 0; AW_READ_NOT_REGULAR (a link, a FIFO, a device...:
 * `info->kind`); AW_READ_TOO_LARGE when it holds more than `limit` bytes
 * (`info->size`; also when it grows while being read: then the bytes read,
 * `limit` + 1); or -1 with `errno` set (`out->failed` when memory ran out). */
int aw_read_regular_file(const char *path, size_t limit, aw_buffer *out, aw_file_info *info);

#endif
