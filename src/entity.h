/* Decoding of the character references md4c reports (MD_TEXT_ENTITY). */
#ifndef AW_ENTITY_H
#define AW_ENTITY_H

#include "buffer.h"

/* Appends the UTF-8 text of the reference `&...;` given in `entity`.
 * Numeric references always decode (invalid code points become U+FFFD).
 * Named references decode when they are in our small table (the ones that
 * matter to URL checking and common typography); for any other name nothing
 * is appended and 1 is returned, so the caller decides what to keep.
 * Returns 0 when decoded, 1 when unknown, -1 when the buffer failed. */
int aw_entity_decode(aw_buffer *out, const char *entity, size_t size);

#endif
