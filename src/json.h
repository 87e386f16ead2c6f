/* JSON string literals for the JSON the module hands to JavaScript
 * (the catalog, the facts of a render). */
#ifndef AW_JSON_H
#define AW_JSON_H

#include "buffer.h"

/* Appends `size` bytes of valid UTF-8 as a JSON string literal. Quotes,
 * backslashes and control characters are escaped, and so is '<': the JSON
 * can then sit inside an HTML <script> element (a server inlining
 * `aw-render --catalog`) without "</script>" in a title ending it.
 * Returns 0, or -1 when the buffer failed. */
int aw_json_append_string(aw_buffer *out, const char *text, size_t size);

#endif
