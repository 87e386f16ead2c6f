#include "utf8.h"

#include <stdint.h>
#include <string.h>

static const char replacement[] = "\xEF\xBF\xBD";

/* What a lead byte promises: the sequence length and the allowed range of
 * the second byte (Table 3-7 of the Unicode standard). Returns 0 for a byte
 * that cannot start a sequence. */
static size_t lead_info(unsigned char lead, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (lead == 0xE0)
            *lo = 0xA0;
        else if (lead == 0xED)
            *hi = 0x9F;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (lead == 0xF0)
            *lo = 0x90;
        else if (lead == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return 0;
}

/* Counts the bytes at `s` that begin a well-formed sequence: the whole
 * sequence length when it is complete, else the maximal valid prefix
 * (at least 1), which is what one U+FFFD replaces. */
static size_t scan_sequence(const unsigned char *s, size_t avail, int *complete)
{
    unsigned char lo, hi;
    size_t need = lead_info(s[0], &lo, &hi), n = 1;

    *complete = need == 1;
    if (need <= 1)
        return 1;
    if (avail > 1 && s[1] >= lo && s[1] <= hi) {
        n = 2;
        while (n < need && n < avail && s[n] >= 0x80 && s[n] <= 0xBF)
            n++;
    }
    *complete = n == need;
    return n;
}

/* True when none of the 8 bytes at `s` has its high bit set. memcpy
 * makes the unaligned load well-defined; compilers turn it into one load. */
static int eight_ascii(const unsigned char *s)
{
    uint64_t word;
    memcpy(&word, s, sizeof(word));
    return (word & UINT64_C(0x8080808080808080)) == 0;
}

size_t aw_utf8_valid_prefix(const char *text, size_t size)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n;
    int complete;

    while (i < size) {
        /* Markdown is mostly ASCII: skip it eight bytes at a time. */
        while (size - i >= 8 && eight_ascii(s + i))
            i += 8;
        if (i == size)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        n = scan_sequence(s + i, size - i, &complete);
        if (!complete)
            break;
        i += n;
    }
    return i;
}

int aw_utf8_append_repaired(aw_buffer *out, const char *text, size_t size)
{
    size_t done = 0, valid;
    int complete;

    for (;;) {
        valid = aw_utf8_valid_prefix(text + done, size - done);
        aw_buffer_append(out, text + done, valid);
        done += valid;
        if (done >= size)
            break;
        aw_buffer_append(out, replacement, 3);
        done += scan_sequence((const unsigned char *)text + done, size - done, &complete);
    }
    return out->failed ? -1 : 0;
}

size_t aw_utf8_decode(const char *text, size_t size, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)text;
    int complete;
    size_t n = scan_sequence(s, size, &complete), i;

    if (!complete) {
        *cp = 0xFFFD;
        return n;
    }
    if (n == 1) {
        *cp = s[0];
        return 1;
    }
    *cp = s[0] & (0xFF >> (n + 1));
    for (i = 1; i < n; i++)
        *cp = *cp << 6 | (s[i] & 0x3F);
    return n;
}

size_t aw_utf8_encode(uint32_t cp, char out[4])
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
