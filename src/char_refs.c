#include "char_refs.h"

#include "utf8.h"

#include <stdint.h>
#include <string.h>

static int is_alnum(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

size_t aw_char_ref_named_length(const char *text, size_t size)
{
    size_t i = 1;

    if (size < 3 || (text[0] != '&' && text[0] != AW_NAMED_REF_MARK))
        return 0;
    while (i < size && is_alnum(text[i]))
        i++;
    return i > 1 && i < size && text[i] == ';' ? i + 1 : 0;
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

static int append_code_point(aw_buffer *out, uint32_t cp)
{
    char utf8[4];
    return aw_buffer_append(out, utf8, aw_utf8_encode(cp, utf8));
}

int aw_char_ref_decode_numeric(aw_buffer *out, const char *entity, size_t size)
{
    int hex;
    size_t skip;

    if (size < 4 || entity[0] != '&' || entity[1] != '#' || entity[size - 1] != ';')
        return 1;
    hex = entity[2] == 'x' || entity[2] == 'X';
    skip = hex ? 3 : 2;
    if (size - 1 <= skip)
        return 1;
    return append_code_point(out, parse_number(entity + skip, size - 1 - skip, hex));
}

/* U+00C0 to U+00FF in order, one name each. */
static const char latin1_names[] =
    "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml "
    "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig "
    "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml "
    "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml ";

/* The spaces, dashes and invisible characters heading ids treat apart. */
static const struct {
    char name[8];
    uint16_t cp;
} separators[] = {
    { "Tab", 0x9 },       { "NewLine", 0xA },  { "nbsp", 0xA0 },    { "shy", 0xAD },      { "ensp", 0x2002 },
    { "emsp", 0x2003 },   { "emsp13", 0x2004 }, { "emsp14", 0x2005 }, { "numsp", 0x2007 }, { "puncsp", 0x2008 },
    { "thinsp", 0x2009 }, { "hairsp", 0x200A }, { "zwnj", 0x200C },  { "zwj", 0x200D },   { "lrm", 0x200E },
    { "rlm", 0x200F },    { "hyphen", 0x2010 }, { "dash", 0x2010 },  { "ndash", 0x2013 }, { "mdash", 0x2014 },
};

/* The code point of a name the id cares about, or 0. */
static uint32_t id_code_point(const char *name, size_t len)
{
    const char *p = latin1_names;
    uint32_t cp = 0xC0;
    size_t i;

    for (; *p; cp++) {
        size_t n = (size_t)(strchr(p, ' ') - p);
        if (n == len && memcmp(p, name, len) == 0)
            return cp;
        p += n + 1;
    }
    for (i = 0; i < sizeof(separators) / sizeof(separators[0]); i++)
        if (strlen(separators[i].name) == len && memcmp(separators[i].name, name, len) == 0)
            return separators[i].cp;
    return 0;
}

int aw_char_ref_id_text(aw_buffer *out, const char *entity, size_t size)
{
    uint32_t cp;

    if (aw_char_ref_named_length(entity, size) != size)
        return 0;
    cp = id_code_point(entity + 1, size - 2);
    return cp ? append_code_point(out, cp) : 0;
}

/* The five names XML has too: the ones text most often spells out. */
static uint32_t xml_code_point(const char *name, size_t len)
{
    static const struct {
        char name[5];
        char ch;
    } xml[] = { { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' } };
    size_t i;

    for (i = 0; i < sizeof(xml) / sizeof(xml[0]); i++)
        if (strlen(xml[i].name) == len && memcmp(xml[i].name, name, len) == 0)
            return (uint32_t)xml[i].ch;
    return 0;
}

int aw_char_ref_plain_text(aw_buffer *out, const char *entity, size_t size)
{
    uint32_t cp;
    int decoded = aw_char_ref_decode_numeric(out, entity, size);

    if (decoded != 1)
        return decoded;
    cp = aw_char_ref_named_length(entity, size) == size ? xml_code_point(entity + 1, size - 2) : 0;
    if (cp == 0 && aw_char_ref_named_length(entity, size) == size)
        cp = id_code_point(entity + 1, size - 2);
    return cp ? append_code_point(out, cp) : aw_buffer_append(out, entity, size);
}
