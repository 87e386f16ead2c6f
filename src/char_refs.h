/* Decoding of the character references md4c reports (MD_TEXT_ENTITY). */
#ifndef AW_CHAR_REFS_H
#define AW_CHAR_REFS_H

#include "buffer.h"

/* Appends the UTF-8 text of the reference `&...;` given in `entity`.
 * Numeric references always decode (invalid code points become U+FFFD);
 * named ones decode when the HTML standard defines the name (md4c's table
 * of all 2,125). For any other name nothing is appended and 1 is returned:
 * CommonMark keeps such text literally, so the caller escapes it.
 * Returns 0 when decoded, 1 when unknown, -1 when the buffer failed. */
int aw_char_ref_decode(aw_buffer *out, const char *entity, size_t size);

#endif
