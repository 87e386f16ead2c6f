#include "char_refs.h"

#include "char_ref_table.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Compares a name with entry i as md4c sorted them: as "&name;" strings,
 * so a name's end compares as ';'. */
static int compare_name(const char *name, size_t len, unsigned i)
{
    size_t start = i ? aw_char_ref_name_ends[i - 1] : 0;
    size_t entry_len = aw_char_ref_name_ends[i] - start;
    const char *entry = aw_char_ref_names + start;
    size_t k;

    for (k = 0;; k++) {
        unsigned char a = k < len ? (unsigned char)name[k] : ';';
        unsigned char b = k < entry_len ? (unsigned char)entry[k] : ';';
        if (a != b)
            return a < b ? -1 : 1;
        if (k >= len)
            return 0; /* names hold no ';': both ended here */
    }
}

/* Returns the index of the named reference, or -1. */
static long find_named(const char *name, size_t len)
{
    unsigned low = 0, high = aw_char_ref_count;

    while (low < high) {
        unsigned mid = low + (high - low) / 2;
        int order = compare_name(name, len, mid);
        if (order == 0)
            return (long)mid;
        if (order < 0)
            high = mid;
        else
            low = mid + 1;
    }
    return -1;
}

/* The value paired with `index` in one of the short { entry, value }
 * lists (sorted by entry), or 0. */
static uint32_t paired_value(const uint32_t (*pairs)[2], unsigned count, unsigned index)
{
    unsigned i;

    for (i = 0; i < count && pairs[i][0] <= index; i++)
        if (pairs[i][0] == index)
            return pairs[i][1];
    return 0;
}

static int append_code_point(aw_buffer *out, uint32_t cp)
{
    char utf8[4];
    return aw_buffer_append(out, utf8, aw_utf8_encode(cp, utf8));
}

static uint32_t parse_number(const char *digits, size_t size, int hex)
{
    uint32_t value = 0;
    size_t i;

    for (i = 0; i < size; i++) {
        char ch = digits[i];
        uint32_t d;
        if (ch >= '0' && ch <= '9')
            d = (uint32_t)(ch - '0');
        else if (hex && ch >= 'a' && ch <= 'f')
            d = (uint32_t)(ch - 'a' + 10);
        else if (hex && ch >= 'A' && ch <= 'F')
            d = (uint32_t)(ch - 'A' + 10);
        else
            return 0xFFFD;
        value = value * (hex ? 16 : 10) + d;
        if (value > 0x10FFFF)
            return 0xFFFD; /* stop before the arithmetic can wrap */
    }
    return value;
}

int aw_char_ref_decode(aw_buffer *out, const char *entity, size_t size)
{
    const char *body;
    long index;
    uint32_t first, second;
    size_t len;

    if (size < 3 || entity[0] != '&' || entity[size - 1] != ';')
        return 1;
    body = entity + 1;
    len = size - 2;

    if (body[0] == '#') {
        int hex = len > 1 && (body[1] == 'x' || body[1] == 'X');
        size_t skip = hex ? 2 : 1;
        if (len <= skip)
            return 1;
        return append_code_point(out, parse_number(body + skip, len - skip, hex));
    }

    index = find_named(body, len);
    if (index < 0)
        return 1;
    first = aw_char_ref_first[index];
    if (first == 0)
        first = paired_value(aw_char_ref_astral, aw_char_ref_astral_count, (unsigned)index);
    second = paired_value(aw_char_ref_second, aw_char_ref_second_count, (unsigned)index);
    if (append_code_point(out, first) != 0)
        return -1;
    return second ? append_code_point(out, second) : 0;
}
