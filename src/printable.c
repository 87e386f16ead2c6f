#include "printable.h"

#include "utf8.h"

#include <stdint.h>
#include <string.h>

static const char ellipsis[] = "\xE2\x80\xA6";

/* Controls, and the characters a terminal draws as nothing while they
 * reorder (bidi controls) or hide (zero-width, tags) the text around them. */
static int is_unprintable(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x180E
        || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F)
        || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* The printable form of the character at `text` into `unit`; returns its
 * length and sets `*taken` to the bytes of `text` it stands for. */
static size_t next_unit(const char *text, size_t size, size_t *taken, char unit[16])
{
    static const char hex[] = "0123456789ABCDEF";
    uint32_t cp;
    size_t n = 0;
    int shift;

    *taken = aw_utf8_decode(text, size, &cp);
    if (cp == 0xFFFD) /* also for ill-formed bytes */
        return aw_utf8_encode(cp, unit);
    if (!is_unprintable(cp)) {
        memcpy(unit, text, *taken);
        return *taken;
    }
    unit[n++] = '\\';
    if (cp < 0x100) {
        unit[n++] = 'x';
        unit[n++] = hex[cp >> 4];
        unit[n++] = hex[cp & 0xF];
        return n;
    }
    unit[n++] = 'u';
    unit[n++] = '{';
    for (shift = cp > 0xFFFF ? 16 : 12; shift >= 0; shift -= 4)
        unit[n++] = hex[cp >> shift & 0xF];
    unit[n++] = '}';
    return n;
}

int aw_printable_append(aw_buffer *out, const char *text, size_t size)
{
    char unit[16];
    size_t taken, n;

    while (size > 0) {
        n = next_unit(text, size, &taken, unit);
        aw_buffer_append(out, unit, n);
        text += taken;
        size -= taken;
    }
    return out->failed ? -1 : 0;
}

size_t aw_printable_copy(char *out, size_t cap, const char *text, size_t size)
{
    char unit[16];
    size_t used = 0, cut = 0, taken, n;

    while (size > 0) {
        n = next_unit(text, size, &taken, unit);
        if (used + n > cap - 1) {
            memcpy(out + cut, ellipsis, 3);
            out[cut + 3] = '\0';
            return cut + 3;
        }
        memcpy(out + used, unit, n);
        used += n;
        if (used <= cap - 1 - 3)
            cut = used; /* a cut here still leaves room for the ellipsis */
        text += taken;
        size -= taken;
    }
    out[used] = '\0';
    return used;
}

void aw_printable_vformat(char *out, size_t cap, const char *fmt, va_list args)
{
    /* Room for `cap` bytes of output and one more character: when the
     * formatted text is longer than this, its printable form does not fit
     * either, so the cut comes before the end of what was formatted. */
    char raw[AW_PRINTABLE_MAX_FORMAT + 8];
    int n = aw_vsnprintf(raw, (int)sizeof(raw), fmt, args);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof(raw) ? (size_t)n : sizeof(raw) - 1;

    aw_printable_copy(out, cap, raw, len);
}
