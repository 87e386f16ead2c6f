/* UTF-8 validation, repair and encoding. */
#ifndef AW_UTF8_H
#define AW_UTF8_H

#include "buffer.h"

#include <stdint.h>

/* Returns the length of the longest prefix of `text` that is well-formed
 * UTF-8 (no overlongs, surrogates or code points above U+10FFFF). */
size_t aw_utf8_valid_prefix(const char *text, size_t size);

/* Appends `text` with every ill-formed sequence replaced by U+FFFD (one per
 * maximal invalid subpart, as the WHATWG decoder does). Returns 0 or -1. */
int aw_utf8_append_repaired(aw_buffer *out, const char *text, size_t size);

/* Decodes the character at the start of `text` (`size` > 0) into `*cp`
 * and returns the bytes it takes. An ill-formed sequence gives U+FFFD for
 * its maximal invalid subpart, as aw_utf8_append_repaired() replaces it. */
size_t aw_utf8_decode(const char *text, size_t size, uint32_t *cp);

/* Writes the UTF-8 form of `cp` into `out` and returns its length (1-4).
 * NUL, surrogates and values above U+10FFFF become U+FFFD. */
size_t aw_utf8_encode(uint32_t cp, char out[4]);

#endif
