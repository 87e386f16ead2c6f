#include "escape.h"

#include "char_refs.h"

#include <string.h>

enum {
    NEEDS_HTML_ESCAPE = 1,
    NEEDS_URL_ESCAPE = 2
};

/* One lookup per byte decides whether it can be copied as part of a run.
 * A named reference's mark (char_refs.h) stops both kinds of run. */
static unsigned char escape_class[256];
static int escape_class_ready;

static void init_escape_class(void)
{
    static const char url_safe[] = "-_.+!*(),%#@?=;:/$~";
    int ch;
    const char *p;

    for (ch = 0; ch < 256; ch++) {
        int alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        escape_class[ch] = alnum ? 0 : NEEDS_URL_ESCAPE;
    }
    for (p = url_safe; *p; p++)
        escape_class[(unsigned char)*p] = 0;
    escape_class['&'] = NEEDS_HTML_ESCAPE | NEEDS_URL_ESCAPE;
    escape_class['<'] = NEEDS_HTML_ESCAPE | NEEDS_URL_ESCAPE;
    escape_class['>'] = NEEDS_HTML_ESCAPE | NEEDS_URL_ESCAPE;
    escape_class['"'] = NEEDS_HTML_ESCAPE | NEEDS_URL_ESCAPE;
    escape_class[(unsigned char)AW_NAMED_REF_MARK] = NEEDS_HTML_ESCAPE | NEEDS_URL_ESCAPE;
    escape_class_ready = 1;
}

static const char *html_entity(char ch)
{
    switch (ch) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    default: return "\xEF\xBF\xBD"; /* a NUL that is no mark: U+FFFD, as md4c's NULs become */
    }
}

/* If `text` starts with a named reference's mark, appends "&name;" for the
 * browser to decode, moves *at past it and returns 1; else returns 0. */
static int append_named_ref(aw_buffer *out, const char *text, size_t size, size_t *at)
{
    size_t n = text[0] == AW_NAMED_REF_MARK ? aw_char_ref_named_length(text, size) : 0;

    if (n == 0)
        return 0;
    aw_buffer_append_char(out, '&');
    aw_buffer_append(out, text + 1, n - 1);
    *at += n;
    return 1;
}

int aw_escape_html(aw_buffer *out, const char *text, size_t size)
{
    size_t start = 0, i = 0;

    if (!escape_class_ready)
        init_escape_class();
    while (i < size) {
        /* Copy the longest run that needs nothing in one append. */
        while (i < size && !(escape_class[(unsigned char)text[i]] & NEEDS_HTML_ESCAPE))
            i++;
        aw_buffer_append(out, text + start, i - start);
        if (i < size && append_named_ref(out, text + i, size - i, &i) == 0) {
            aw_buffer_append_str(out, html_entity(text[i]));
            i++;
        }
        start = i;
    }
    return out->failed ? -1 : 0;
}

static int is_hex(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

int aw_escape_url_keeping(aw_buffer *out, const char *url, size_t size, const char *keep)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t start = 0, i = 0;

    if (!escape_class_ready)
        init_escape_class();
    while (i < size) {
        while (i < size && (!(escape_class[(unsigned char)url[i]] & NEEDS_URL_ESCAPE)
                            || (url[i] != '\0' && strchr(keep, url[i]) != NULL))) {
            /* A '%' that does not start %XX would change meaning: encode it. */
            if (url[i] == '%' && !(i + 2 < size && is_hex(url[i + 1]) && is_hex(url[i + 2])))
                break;
            i++;
        }
        aw_buffer_append(out, url + start, i - start);
        if (i < size && append_named_ref(out, url + i, size - i, &i) == 0) {
            unsigned char ch = (unsigned char)url[i];
            if (ch == '&') {
                aw_buffer_append_str(out, "&amp;");
            } else {
                char enc[3] = { '%', hex[ch >> 4], hex[ch & 15] };
                aw_buffer_append(out, enc, 3);
            }
            i++;
        }
        start = i;
    }
    return out->failed ? -1 : 0;
}

int aw_escape_url(aw_buffer *out, const char *url, size_t size)
{
    return aw_escape_url_keeping(out, url, size, "");
}
