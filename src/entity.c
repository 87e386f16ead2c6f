#include "entity.h"

#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* md4c has no entity list and we do not ship the 2,000-entry HTML one: in
 * text, unknown names are left for the browser to decode. Attributes need
 * the names that can hide a URL scheme (colon, tab, newline, ...), so those
 * are here, with the everyday typographic ones. */
static const struct {
    const char *name;
    uint32_t cp;
} named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "colon", ':' }, { "Tab", '\t' }, { "NewLine", '\n' }, { "sol", '/' }, { "bsol", '\\' },
    { "period", '.' }, { "lpar", '(' }, { "rpar", ')' }, { "num", '#' }, { "percnt", '%' },
    { "quest", '?' }, { "equals", '=' }, { "plus", '+' }, { "comma", ',' }, { "semi", ';' },
    { "excl", '!' }, { "commat", '@' }, { "lowbar", '_' }, { "hyphen", 0x2010 },
    { "nbsp", 0xA0 }, { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 },
    { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 },
    { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
    { "laquo", 0xAB }, { "raquo", 0xBB }, { "middot", 0xB7 }, { "bull", 0x2022 },
};

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
    size_t len, i;

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

    for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (strlen(named[i].name) == len && memcmp(named[i].name, body, len) == 0)
            return append_code_point(out, named[i].cp);
    return 1;
}
