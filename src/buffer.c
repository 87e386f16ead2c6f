#include "buffer.h"
#include "format.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void aw_buffer_init(aw_buffer *buf)
{
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
    buf->failed = 0;
}

void aw_buffer_free(aw_buffer *buf)
{
    free(buf->data);
    aw_buffer_init(buf);
}

void aw_buffer_clear(aw_buffer *buf)
{
    buf->len = 0;
    buf->failed = 0;
}

int aw_buffer_reserve(aw_buffer *buf, size_t extra)
{
    size_t need, cap;
    char *data;

    if (buf->failed)
        return -1;
    if (extra > SIZE_MAX - buf->len)
        goto fail;
    need = buf->len + extra;
    if (need <= buf->cap)
        return 0;

    /* Grow by half again (at least 64 bytes) so appends stay amortised O(1). */
    cap = buf->cap < 64 ? 64 : buf->cap;
    while (cap < need) {
        if (cap > SIZE_MAX - cap / 2) {
            cap = need;
            break;
        }
        cap += cap / 2;
    }
    data = realloc(buf->data, cap);
    if (data == NULL)
        goto fail;
    buf->data = data;
    buf->cap = cap;
    return 0;

fail:
    return aw_buffer_fail(buf);
}

int aw_buffer_append_slow(aw_buffer *buf, const char *data, size_t size)
{
    if (size == 0)
        return buf->failed ? -1 : 0;
    if (aw_buffer_reserve(buf, size) != 0)
        return -1;
    memcpy(buf->data + buf->len, data, size);
    buf->len += size;
    return 0;
}

int aw_buffer_appendf(aw_buffer *buf, const char *fmt, ...)
{
    va_list args, again;
    int n;

    va_start(args, fmt);
    va_copy(again, args);
    n = aw_vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    /* +1: the formatter always writes a terminating NUL. */
    if (n < 0 || aw_buffer_reserve(buf, (size_t)n + 1) != 0) {
        va_end(again);
        return aw_buffer_fail(buf);
    }
    aw_vsnprintf(buf->data + buf->len, n + 1, fmt, again);
    va_end(again);
    buf->len += (size_t)n;
    return 0;
}

int aw_buffer_insert(aw_buffer *buf, size_t pos, const char *data, size_t size)
{
    if (pos > buf->len)
        return aw_buffer_fail(buf);
    if (size == 0)
        return buf->failed ? -1 : 0;
    if (aw_buffer_reserve(buf, size) != 0)
        return -1;
    memmove(buf->data + pos + size, buf->data + pos, buf->len - pos);
    memcpy(buf->data + pos, data, size);
    buf->len += size;
    return 0;
}

int aw_buffer_insert_buffer(aw_buffer *buf, size_t pos, const aw_buffer *src)
{
    if (src->failed)
        return aw_buffer_fail(buf);
    return aw_buffer_insert(buf, pos, src->data, src->len);
}

int aw_buffer_append_buffer(aw_buffer *buf, const aw_buffer *src)
{
    if (src->failed)
        return aw_buffer_fail(buf);
    return aw_buffer_append(buf, src->data, src->len);
}

int aw_buffer_fail(aw_buffer *buf)
{
    buf->failed = 1;
    return -1;
}

int aw_buffer_terminate(aw_buffer *buf)
{
    if (aw_buffer_reserve(buf, 1) != 0)
        return -1;
    buf->data[buf->len] = '\0';
    return 0;
}

char *aw_copy_text(const char *data, size_t size)
{
    char *out = malloc(size + 1);

    if (out != NULL) {
        if (size != 0)
            memcpy(out, data, size);
        out[size] = '\0';
    }
    return out;
}
