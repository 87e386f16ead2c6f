#include "entity.h"

#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* md4c's entity.c: the HTML standard's 2,125 named references, each one or
 * two code points. Its header has our header's name, hence the full path
 * (AW_MD4C_ENTITY_H, set by cmake/Md4c.cmake). */
#include AW_MD4C_ENTITY_H

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

int aw_entity_decode(aw_buffer *out, const char *entity, size_t size)
{
    const char *body;
    const ENTITY *named;
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

    named = entity_lookup(entity, size);
    if (named == NULL)
        return 1;
    if (append_code_point(out, named->codepoints[0]) != 0)
        return -1;
    return named->codepoints[1] ? append_code_point(out, named->codepoints[1]) : 0;
}
