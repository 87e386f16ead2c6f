/* A growable byte buffer with sticky failure.
 *
 * Appends never lose data silently: when memory runs out the buffer keeps
 * what it had, sets `failed`, and ignores further appends, so a renderer can
 * write freely and check once at the end. */
#ifndef AW_BUFFER_H
#define AW_BUFFER_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "format.h"

typedef struct aw_buffer {
    char *data;    /* NULL until the first successful reserve */
    size_t len;
    size_t cap;
    int failed;    /* non-zero once an allocation has failed */
} aw_buffer;

/* Empties the buffer without allocating. */
void aw_buffer_init(aw_buffer *buf);

/* Releases the buffer's memory and empties it. */
void aw_buffer_free(aw_buffer *buf);

/* Drops the contents and the failure flag; keeps the memory for reuse. */
void aw_buffer_clear(aw_buffer *buf);

/* Makes room for `extra` more bytes. Returns 0, or -1 (and sets `failed`)
 * when the size overflows or the allocator says no. */
int aw_buffer_reserve(aw_buffer *buf, size_t extra);

/* The out-of-line half of the appends below: grows the buffer (or finds
 * it failed), then appends. Returns 0 or -1 as aw_buffer_reserve(). */
int aw_buffer_append_slow(aw_buffer *buf, const char *data, size_t size);

/* Appends `size` bytes. Returns 0 or -1 as aw_buffer_reserve().
 * Inline because a renderer appends many short pieces to a buffer it
 * reserved up front: the common case is one compare and one copy. */
static inline int aw_buffer_append(aw_buffer *buf, const char *data, size_t size)
{
    if (size - 1 < buf->cap - buf->len && !buf->failed) { /* size != 0 and it fits */
        memcpy(buf->data + buf->len, data, size);
        buf->len += size;
        return 0;
    }
    return aw_buffer_append_slow(buf, data, size);
}

/* Appends a NUL-terminated string (inline: a literal's length is then
 * known at compile time). */
static inline int aw_buffer_append_str(aw_buffer *buf, const char *str)
{
    return aw_buffer_append(buf, str, strlen(str));
}

/* Appends one byte. */
static inline int aw_buffer_append_char(aw_buffer *buf, char ch)
{
    return aw_buffer_append(buf, &ch, 1);
}

/* Appends stb_sprintf-formatted text (no libc printf is used). */
int aw_buffer_appendf(aw_buffer *buf, const char *fmt, ...) AW_PRINTF(2, 3);

/* Inserts `size` bytes at `pos` (<= len), moving the tail up. Returns 0,
 * or -1 and sets `failed` (also for a `pos` past the end). */
int aw_buffer_insert(aw_buffer *buf, size_t pos, const char *data, size_t size);

/* Inserts the contents of `src` at `pos`; when `src` failed, `buf` fails
 * too, so a piece built aside is never lost silently. Returns 0 or -1. */
int aw_buffer_insert_buffer(aw_buffer *buf, size_t pos, const aw_buffer *src);

/* Appends the contents of `src`, failing with it as aw_buffer_insert_buffer(). */
int aw_buffer_append_buffer(aw_buffer *buf, const aw_buffer *src);

/* Marks the buffer failed, for a step that could not produce its part of
 * the contents. Returns -1. */
int aw_buffer_fail(aw_buffer *buf);

/* Drops everything after the first `len` bytes (a mark taken from `len`
 * earlier); keeps the memory and the failure flag. A `len` past the end
 * sets `failed`. Inline: the renderer rewinds its scratch buffers often. */
static inline void aw_buffer_truncate(aw_buffer *buf, size_t len)
{
    if (len <= buf->len)
        buf->len = len;
    else
        aw_buffer_fail(buf);
}

/* Makes the contents a C string: appends a NUL that `len` does not count. */
int aw_buffer_terminate(aw_buffer *buf);

/* A NUL-terminated copy of `size` bytes, the caller's to free(); NULL when
 * out of memory. */
char *aw_copy_text(const char *data, size_t size);

#endif
