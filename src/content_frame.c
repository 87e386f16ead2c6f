#include "content_frame.h"

#include "content_blob.h"

#include <string.h>

_Static_assert(AW_CONTENT_HEADER_SIZE == AW_CONTENT_MAGIC_SIZE + 4 + 8, "magic, u32 size, u64 checksum");

uint64_t aw_content_checksum(const void *data, size_t size)
{
    const unsigned char *p = data;
    uint64_t hash = 0xcbf29ce484222325u;
    size_t i;

    for (i = 0; i < size; i++) {
        hash ^= p[i];
        hash *= 0x100000001b3u;
    }
    return hash;
}

/* `value` as `size` bytes, little-endian. */
static void put_le(char *bytes, uint64_t value, int size)
{
    int i;

    for (i = 0; i < size; i++)
        bytes[i] = (char)(value >> (8 * i) & 0xFF);
}

void aw_content_append_u32(aw_buffer *out, uint32_t value)
{
    char bytes[4];

    put_le(bytes, value, 4);
    aw_buffer_append(out, bytes, 4);
}

void aw_content_append_u64(aw_buffer *out, uint64_t value)
{
    char bytes[8];

    put_le(bytes, value, 8);
    aw_buffer_append(out, bytes, 8);
}

uint32_t aw_content_read_u32(const void *bytes)
{
    const unsigned char *p = bytes;

    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t aw_content_read_u64(const void *bytes)
{
    return aw_content_read_u32(bytes) | (uint64_t)aw_content_read_u32((const char *)bytes + 4) << 32;
}

size_t aw_content_frame_begin(aw_buffer *out)
{
    static const char header[AW_CONTENT_HEADER_SIZE];
    size_t mark = out->len;

    aw_buffer_append(out, header, sizeof(header));
    return mark;
}

int aw_content_frame_end(aw_buffer *out, size_t mark, const char *magic)
{
    size_t payload;
    char *at;

    if (out->failed || out->len < mark + AW_CONTENT_HEADER_SIZE)
        return aw_buffer_fail(out);
    payload = out->len - mark - AW_CONTENT_HEADER_SIZE;
    if (payload > UINT32_MAX)
        return aw_buffer_fail(out);
    at = out->data + mark;
    memcpy(at, magic, AW_CONTENT_MAGIC_SIZE);
    put_le(at + AW_CONTENT_MAGIC_SIZE, payload, 4);
    put_le(at + AW_CONTENT_MAGIC_SIZE + 4, aw_content_checksum(at + AW_CONTENT_HEADER_SIZE, payload), 8);
    return 0;
}

int aw_content_frame_check(const void *data, size_t size, const char *magic, const char **payload,
                           size_t *payload_size, aw_buffer *message)
{
    const char *bytes = data;
    size_t expected;

    if (size < AW_CONTENT_MAGIC_SIZE || memcmp(bytes, magic, AW_CONTENT_MAGIC_SIZE - 1) != 0) {
        aw_buffer_appendf(message, "is not one (it does not start with %.3s)", magic);
        return -1;
    }
    if (bytes[AW_CONTENT_MAGIC_SIZE - 1] != magic[AW_CONTENT_MAGIC_SIZE - 1]) {
        /* A build of another version of the package: its scripts read it. */
        aw_buffer_appendf(message, "is of format %c; this renderer reads %c",
                          bytes[AW_CONTENT_MAGIC_SIZE - 1] >= '!' && bytes[AW_CONTENT_MAGIC_SIZE - 1] <= '~'
                              ? bytes[AW_CONTENT_MAGIC_SIZE - 1] : '?',
                          magic[AW_CONTENT_MAGIC_SIZE - 1]);
        return -1;
    }
    expected = size < AW_CONTENT_HEADER_SIZE ? 0 : aw_content_read_u32(bytes + AW_CONTENT_MAGIC_SIZE);
    if (size < AW_CONTENT_HEADER_SIZE || size - AW_CONTENT_HEADER_SIZE != expected) {
        aw_buffer_appendf(message, "is truncated or damaged: %zu bytes, not %zu", size,
                          expected + AW_CONTENT_HEADER_SIZE);
        return -1;
    }
    if (aw_content_read_u64(bytes + AW_CONTENT_MAGIC_SIZE + 4)
        != aw_content_checksum(bytes + AW_CONTENT_HEADER_SIZE, expected)) {
        aw_buffer_append_str(message, "fails its checksum: damaged or altered");
        return -1;
    }
    *payload = bytes + AW_CONTENT_HEADER_SIZE;
    *payload_size = expected;
    return 0;
}
