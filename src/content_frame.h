/* The frame of every content file (content_blob.h): magic, payload size,
 * FNV-1a checksum, payload. The packer writes it, the reader checks it
 * before it looks at a byte of the payload. */
#ifndef AW_CONTENT_FRAME_H
#define AW_CONTENT_FRAME_H

#include "buffer.h"

#include <stddef.h>
#include <stdint.h>

/* FNV-1a, 64 bits, of `size` bytes. */
uint64_t aw_content_checksum(const void *data, size_t size);

/* Appends a u32 / u64, little-endian. */
void aw_content_append_u32(aw_buffer *out, uint32_t value);
void aw_content_append_u64(aw_buffer *out, uint64_t value);

/* Reads a u32 / u64, little-endian, at `bytes`. */
uint32_t aw_content_read_u32(const void *bytes);
uint64_t aw_content_read_u64(const void *bytes);

/* Starts a file: appends a header to fill in later. Returns the mark to
 * pass to aw_content_frame_end() once the payload is appended. */
size_t aw_content_frame_begin(aw_buffer *out);

/* Fills in the header at `mark` for the payload appended since: `magic`
 * (AW_EDITION_MAGIC or AW_ARCHIVE_MAGIC), its size and checksum. Returns
 * 0, or -1 when `out` failed or the payload is over 4 GiB. */
int aw_content_frame_end(aw_buffer *out, size_t mark, const char *magic);

/* Checks the frame of `size` bytes at `data` against `magic`: the magic
 * (another format version is named as such), the size (a truncated file,
 * or one with bytes after its end) and the checksum. Returns 0 and sets
 * `*payload` and `*payload_size`, or -1 and appends why to `message`
 * ("is truncated: ...", as the end of a sentence about the file). */
int aw_content_frame_check(const void *data, size_t size, const char *magic, const char **payload,
                           size_t *payload_size, aw_buffer *message);

#endif
