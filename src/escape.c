#include "escape.h"

#include "char_refs.h"

#include <string.h>

enum {
    NEEDS_HTML_ESCAPE = 1,
    NEEDS_URL_ESCAPE = 2
};

/* One lookup per byte decides whether it can be copied as part of a run.
 * U: percent-encoded in URLs (everything but ASCII letters, digits and
 * -_.+!*(),%#@?=;:/$~; UTF-8 byte by byte). B: also escaped as HTML
 * (& < > "), and byte 0, a named reference's mark (char_refs.h), which stops
 * both kinds of run. 0: copied as it is. */
_Static_assert(AW_NAMED_REF_MARK == '\0', "escape_class marks byte 0 as the named reference's mark");
#define U NEEDS_URL_ESCAPE
#define B (NEEDS_HTML_ESCAPE | NEEDS_URL_ESCAPE)
static const unsigned char escape_class[256] = {
    B, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* 0x00 the mark, controls */
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* 0x10 */
    U, 0, B, 0, 0, 0, B, U, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20  !"#$%&'()*+,-./ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, B, 0, B, 0, /* 0x30 0-9:;<=>? */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 @A-O */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, U, U, U, U, 0, /* 0x50 P-Z[\]^_ */
    U, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 `a-o */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, U, U, U, 0, U, /* 0x70 p-z{|}~ DEL */
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* 0x80 and up: UTF-8 */
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
};
#undef U
#undef B

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
