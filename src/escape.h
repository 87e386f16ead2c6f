/* HTML escaping for text and double-quoted attribute values. */
#ifndef AW_ESCAPE_H
#define AW_ESCAPE_H

#include "buffer.h"

/* Appends `text` with & < > " replaced by entities. Safe both as element
 * text and inside a double-quoted attribute. A named reference's mark
 * (char_refs.h) is written as "&name;". Returns 0, or -1 when the buffer
 * failed. */
int aw_escape_html(aw_buffer *out, const char *text, size_t size);

/* Appends a URL for an href/src attribute: bytes outside the URL-safe set
 * are percent-encoded (UTF-8 per byte, as CommonMark renderers do), an
 * existing %XX is kept, & becomes &amp; and a named reference's mark
 * "&name;". Returns 0 or -1. */
int aw_escape_url(aw_buffer *out, const char *url, size_t size);

/* The same, but the ASCII characters in `keep` are written as they are
 * (an IPv6 host needs its literal brackets). Returns 0 or -1. */
int aw_escape_url_keeping(aw_buffer *out, const char *url, size_t size, const char *keep);

#endif
