/* What a render knows about the text it wrote: its words, the reading
 * time the byline shows, and its headings. The widget's render event
 * reports these, so JavaScript never counts or scrapes them again. */
#ifndef AW_FACTS_H
#define AW_FACTS_H

#include "buffer.h"

typedef struct aw_facts {
    /* Words of the rendered text: runs of characters other than ASCII
     * space, tab, CR and LF; blocks and line breaks separate words; image
     * alt text is not counted. */
    unsigned long words;
    /* The headings, in document order, as comma-separated JSON objects
     * {"level":2,"id":"background","text":"Background"}. */
    aw_buffer headings;
} aw_facts;

void aw_facts_init(aw_facts *facts);

/* Forgets the facts of the last render; keeps the memory. */
void aw_facts_clear(aw_facts *facts);

void aw_facts_free(aw_facts *facts);

/* Minutes a reader needs for `words` (230 a minute, at least 1). */
unsigned long aw_reading_minutes(unsigned long words);

/* Records one heading: its level (1..6), its id and its plain text (valid
 * UTF-8). Returns 0, or -1 when out of memory. */
int aw_facts_add_heading(aw_facts *facts, unsigned level, const char *id, size_t id_size, const char *text,
                         size_t text_size);

/* Appends {"words":W,"minutes":M,"headings":[...]}. Returns 0 or -1. */
int aw_facts_write_json(aw_buffer *out, const aw_facts *facts);

#endif
