#include "catalog.h"

#include <string.h>

long aw_catalog_find(const aw_catalog *catalog, const char *slug, size_t size)
{
    size_t i;

    for (i = 0; i < catalog->count; i++) {
        const char *candidate = catalog->articles[i].slug;
        if (strncmp(candidate, slug, size) == 0 && candidate[size] == '\0')
            return (long)i;
    }
    return -1;
}

/* Appends `text` as a JSON string literal. Input is valid UTF-8 (checked
 * when the content was embedded), so only quotes, backslashes and control
 * characters need escaping; '<' is escaped too, so the JSON can sit inside
 * an HTML <script> element (a server inlining `aw-render --catalog`)
 * without "</script>" in a title ending it. */
static void write_json_string(aw_buffer *out, const char *text)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = text;

    aw_buffer_append_char(out, '"');
    for (; *text; text++) {
        unsigned char ch = (unsigned char)*text;
        if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != '<')
            continue;
        aw_buffer_append(out, run, (size_t)(text - run));
        if (ch == '"' || ch == '\\') {
            char esc[2] = { '\\', (char)ch };
            aw_buffer_append(out, esc, 2);
        } else {
            char esc[6] = { '\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15] };
            aw_buffer_append(out, esc, 6);
        }
        run = text + 1;
    }
    aw_buffer_append(out, run, (size_t)(text - run));
    aw_buffer_append_char(out, '"');
}

static void write_json_field(aw_buffer *out, const char *key, const char *value)
{
    aw_buffer_appendf(out, ",\"%s\":", key);
    write_json_string(out, value);
}

int aw_catalog_write_json(aw_buffer *out, const aw_catalog *catalog)
{
    size_t i, t;

    aw_buffer_append_char(out, '[');
    for (i = 0; i < catalog->count; i++) {
        const aw_article *a = &catalog->articles[i];

        aw_buffer_append_str(out, i ? ",{\"slug\":" : "{\"slug\":");
        write_json_string(out, a->slug);
        write_json_field(out, "title", a->title);
        write_json_field(out, "date", a->date);
        write_json_field(out, "source", a->source);
        aw_buffer_append_str(out, ",\"topics\":[");
        for (t = 0; t < a->topic_count; t++) {
            if (t)
                aw_buffer_append_char(out, ',');
            write_json_string(out, a->topics[t]);
        }
        aw_buffer_append_char(out, ']');
        write_json_field(out, "summary", a->summary);
        aw_buffer_append_char(out, '}');
    }
    aw_buffer_append_char(out, ']');
    return out->failed ? -1 : 0;
}
