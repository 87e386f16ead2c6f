/* Unique, readable ids for headings ("Back to top" and in-article links
 * need them): "Mali's crisis, explained" becomes "malis-crisis-explained",
 * a second one "malis-crisis-explained-1". */
#ifndef AW_HEADING_IDS_H
#define AW_HEADING_IDS_H

#include "buffer.h"

typedef struct aw_heading_ids {
    aw_buffer names;   /* every id handed out, each NUL-terminated */
    size_t *slots;     /* open-addressing table of offsets+1 into names */
    unsigned *next;    /* per slot: next suffix to try for that base */
    size_t slot_count; /* a power of two, or 0 */
    size_t used;
} aw_heading_ids;

void aw_heading_ids_init(aw_heading_ids *ids);

/* Releases everything the set owns. */
void aw_heading_ids_free(aw_heading_ids *ids);

/* Marks `id` as taken (ids the surrounding markup already uses).
 * Returns 0, or -1 when out of memory. */
int aw_heading_ids_reserve(aw_heading_ids *ids, const char *id);

/* Appends to `out` a new id made from the heading's plain text: ASCII
 * letters and digits lowercased, runs of spaces, '-' and '_' made one '-',
 * other ASCII punctuation dropped, non-ASCII letters kept; "section" when
 * nothing is left; "-1", "-2", ... when already taken. Runs in time linear
 * in `size`, however many headings repeat. Returns 0 or -1. */
int aw_heading_ids_make(aw_heading_ids *ids, const char *text, size_t size, aw_buffer *out);

#endif
