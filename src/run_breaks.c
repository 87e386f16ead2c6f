#include "run_breaks.h"

#include "escape.h"

/* ===== Characters ===== */

/* The code point of the valid UTF-8 sequence at `s` (`size` > 0 bytes
 * left); a sequence cut short gives U+FFFD. */
static uint32_t decode(const char *s, size_t size)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    uint32_t cp = n == 1 ? u[0] : n == 2 ? (u[0] & 0x1Fu) : n == 3 ? (u[0] & 0x0Fu) : (u[0] & 0x07u);
    size_t k;

    if (n > size)
        return 0xFFFD;
    for (k = 1; k < n; k++)
        cp = (cp << 6) | (u[k] & 0x3Fu);
    return cp;
}

/* Ideographs and Hangul syllables: the browser may break before and after
 * each, so they end a run. */
static int is_ideograph(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3)
           || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Characters that continue the grapheme cluster before them, as far as
 * a break mark must know: a mark before one would split what is drawn as
 * one. Not Unicode's whole list (that is a table of hundreds of ranges):
 * the combining blocks, the marks of the scripts written without spaces
 * (where long runs are ordinary text), joiners, selectors and modifiers. */
static int extends_cluster(uint32_t cp)
{
    static const uint32_t ranges[][2] = {
        { 0x0300, 0x036F }, /* combining diacritical marks */
        { 0x0483, 0x0489 }, /* Cyrillic */
        { 0x0591, 0x05C7 }, /* Hebrew points */
        { 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06ED }, /* Arabic */
        { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, /* Thai */
        { 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC }, { 0x0EC8, 0x0ECE }, /* Lao */
        { 0x0F18, 0x0F19 }, { 0x0F35, 0x0F39 }, { 0x0F3E, 0x0F3F }, { 0x0F71, 0x0FBC }, /* Tibetan */
        { 0x102B, 0x103E }, { 0x1056, 0x109D }, /* Myanmar (a few letters between its marks too) */
        { 0x1160, 0x11FF }, /* Hangul vowel and final jamo */
        { 0x17B4, 0x17D3 }, { 0x17DD, 0x17DD }, /* Khmer */
        { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, /* combining marks */
        { 0x200C, 0x200D }, /* zero-width non-joiner and joiner */
        { 0x20D0, 0x20FF }, /* combining marks for symbols */
        { 0x302A, 0x302F }, { 0x3099, 0x309A }, /* ideographic tone marks, kana voicing */
        { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, /* variation selectors, half marks */
        { 0x1F3FB, 0x1F3FF }, /* emoji skin tones */
        { 0xE0000, 0xE0FFF }, /* tags, variation selectors */
    };
    size_t i;

    /* The Indic blocks share one layout: signs at 00-03, 3A-4F, 51-57 and
     * 62-63 of each 128 (a few letters there too: a mark waits a character
     * longer). */
    if (cp >= 0x0900 && cp <= 0x0DFF) {
        uint32_t at = cp & 0x7F;
        return at <= 0x03 || (at >= 0x3A && at <= 0x4F) || (at >= 0x51 && at <= 0x57) || at == 0x62 || at == 0x63;
    }
    for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]) && ranges[i][0] <= cp; i++)
        if (cp <= ranges[i][1])
            return 1;
    return 0;
}

/* Whether the span is due before the character `cp` that follows
 * `before` (0: unknown) in a run of `length` characters. After a
 * zero-width joiner the next character belongs to the same cluster (emoji
 * sequences). The span waits for a cluster to end, but not for long: no
 * ordinary cluster is AW_RUN_BREAK_AFTER characters long, and a long run
 * outside the span is what costs. */
static int span_due(size_t length, uint32_t cp, uint32_t before)
{
    if (length < AW_RUN_BREAK_AFTER)
        return 0;
    return length >= 2 * AW_RUN_BREAK_AFTER || (before != 0x200D && !extends_cluster(cp));
}

/* ===== The span ===== */

void aw_run_breaks_close(aw_buffer *out, aw_run_breaks *runs, int ends_run)
{
    if (runs->open)
        aw_buffer_append_str(out, AW_LONG_RUN_CLOSE);
    runs->open = 0;
    if (ends_run)
        runs->length = 0;
}

void aw_run_breaks_before(aw_buffer *out, aw_run_breaks *runs, uint32_t cp)
{
    if (!runs->open && span_due(runs->length, cp, 0)) {
        aw_buffer_append_str(out, AW_LONG_RUN_OPEN);
        runs->open = 1;
    }
    runs->length++;
}

/* The character that ends just before `at` (0 when `at` starts the text). */
static uint32_t previous(const char *text, size_t at)
{
    size_t start;

    if (at == 0)
        return 0;
    start = at - 1;
    while (start > 0 && at - start < 4 && ((unsigned char)text[start] & 0xC0) == 0x80)
        start--;
    return decode(text + start, at - start);
}

int aw_run_breaks_escape_html(aw_buffer *out, aw_run_breaks *runs, const char *text, size_t size)
{
    size_t start = 0, i;

    for (i = 0; i < size; i++) {
        unsigned char ch = (unsigned char)text[i];
        int ends_run = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';

        if ((ch & 0xC0) == 0x80)
            continue; /* inside a character */
        /* Only three- and four-byte characters can be ideographs. */
        if (!ends_run && ch >= 0xE3 && is_ideograph(decode(text + i, size - i)))
            ends_run = 1;
        if (ends_run) {
            if (runs->open) {
                aw_escape_html(out, text + start, i - start);
                aw_run_breaks_close(out, runs, 1);
                start = i;
            }
            runs->length = 0;
            continue;
        }
        if (!runs->open && runs->length >= AW_RUN_BREAK_AFTER
            && span_due(runs->length, decode(text + i, size - i), previous(text, i))) {
            aw_escape_html(out, text + start, i - start);
            aw_buffer_append_str(out, AW_LONG_RUN_OPEN);
            runs->open = 1;
            start = i;
        }
        runs->length++;
    }
    return aw_escape_html(out, text + start, size - start);
}
