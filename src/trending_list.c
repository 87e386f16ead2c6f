#include "trending_list.h"

#include "slug.h"
#include "utf8.h"

#include <string.h>

/* Strips "- ", "* ", "+ " or "12. " / "12) " from an item; returns 0 when
 * the line is not a list item. */
static int strip_marker(aw_span *item)
{
    size_t i = 0;

    if (item->size >= 2 && (item->data[0] == '-' || item->data[0] == '*' || item->data[0] == '+')) {
        i = 1;
    } else {
        while (i < item->size && item->data[i] >= '0' && item->data[i] <= '9')
            i++;
        if (i == 0 || i >= item->size || (item->data[i] != '.' && item->data[i] != ')'))
            return 0;
        i++;
    }
    if (i >= item->size || (item->data[i] != ' ' && item->data[i] != '\t'))
        return 0;
    while (i < item->size && (item->data[i] == ' ' || item->data[i] == '\t'))
        i++;
    item->data += i;
    item->size -= i;
    while (item->size > 0 && (item->data[item->size - 1] == ' ' || item->data[item->size - 1] == '\t'))
        item->size--;
    return 1;
}

static const char bom[] = "\xEF\xBB\xBF";

static int has_bom(aw_span line)
{
    size_t i;

    for (i = 0; i + 3 <= line.size; i++)
        if (memcmp(line.data + i, bom, 3) == 0)
            return 1;
    return 0;
}

int aw_trending_parse(const char *text, size_t size, aw_trending_list *out, aw_parse_error *error)
{
    size_t pos = 0, i;
    unsigned number = 0;

    out->count = 0;
    i = aw_utf8_valid_prefix(text, size);
    if (i != size)
        return aw_parse_fail(error, aw_line_of(text, i), "invalid UTF-8; save the file as UTF-8");
    if (size >= 3 && memcmp(text, bom, 3) == 0)
        pos = 3; /* a byte-order mark at the start, as an article may have */
    while (pos < size) {
        const char *end = memchr(text + pos, '\n', size - pos);
        aw_span line;

        if (end == NULL)
            end = text + size;
        line.data = text + pos;
        line.size = (size_t)(end - line.data);
        pos = (size_t)(end - text) + 1;
        number++;
        if (has_bom(line))
            return aw_parse_fail(error, number,
                                 "a byte-order mark (U+FEFF) inside the file: it may only start it; delete it");
        while (line.size > 0 && (line.data[line.size - 1] == '\r' || line.data[line.size - 1] == ' '))
            line.size--;
        while (line.size > 0 && (line.data[0] == ' ' || line.data[0] == '\t')) {
            line.data++;
            line.size--;
        }
        if (line.size == 0 || line.data[0] == '#'
            || (line.size >= 7 && memcmp(line.data, "<!--", 4) == 0 && memcmp(line.data + line.size - 3, "-->", 3) == 0))
            continue;
        if (!strip_marker(&line))
            return aw_parse_fail(error, number, "expected a list item naming an article slug, like '1. my-article'");
        if (!aw_slug_is_valid(line.data, line.size))
            return aw_parse_fail(error, number, "'%.*s' is not a slug (lowercase letters, digits and '-')",
                                 (int)line.size, line.data);
        for (i = 0; i < out->count; i++)
            if (out->slugs[i].size == line.size && memcmp(out->slugs[i].data, line.data, line.size) == 0)
                return aw_parse_fail(error, number, "'%.*s' is listed twice", (int)line.size, line.data);
        if (out->count == AW_MAX_TRENDING)
            return aw_parse_fail(error, number,
                                 "more than %d trending articles: the list names at most %d (a page loads each of "
                                 "them before its first article)",
                                 AW_MAX_TRENDING, AW_MAX_TRENDING);
        out->slugs[out->count] = line;
        out->lines[out->count] = number;
        out->count++;
    }
    if (out->count == 0)
        return aw_parse_fail(error, number ? number : 1,
                             "the trending list is empty: name at least one article slug");
    return 0;
}
