#include "facts.h"

#include "json.h"

/* Words a news reader reads per minute, for the byline's reading time. */
#define WORDS_PER_MINUTE 230

void aw_facts_init(aw_facts *facts)
{
    facts->words = 0;
    aw_buffer_init(&facts->headings);
}

void aw_facts_clear(aw_facts *facts)
{
    facts->words = 0;
    aw_buffer_clear(&facts->headings);
}

void aw_facts_free(aw_facts *facts)
{
    aw_buffer_free(&facts->headings);
    facts->words = 0;
}

unsigned long aw_reading_minutes(unsigned long words)
{
    return words == 0 ? 1 : (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
}

int aw_facts_add_heading(aw_facts *facts, unsigned level, const char *id, size_t id_size, const char *text,
                         size_t text_size)
{
    aw_buffer *out = &facts->headings;

    aw_buffer_appendf(out, "%s{\"level\":%u,\"id\":", out->len ? "," : "", level);
    aw_json_append_string(out, id, id_size);
    aw_buffer_append_str(out, ",\"text\":");
    aw_json_append_string(out, text, text_size);
    return aw_buffer_append_char(out, '}');
}

int aw_facts_write_json(aw_buffer *out, const aw_facts *facts)
{
    aw_buffer_appendf(out, "{\"words\":%lu,\"minutes\":%lu,\"headings\":[", facts->words,
                      aw_reading_minutes(facts->words));
    aw_buffer_append_buffer(out, &facts->headings);
    return aw_buffer_append_str(out, "]}");
}
