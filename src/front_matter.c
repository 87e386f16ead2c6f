#include "front_matter.h"

#include "format.h"
#include "printable.h"
#include "slug.h"
#include "utf8.h"

#include <stdarg.h>
#include <string.h>

typedef struct line_reader {
    const char *text;
    size_t size;
    size_t pos;
    unsigned number;
} line_reader;

/* Sets `line` to the next line without its "\n" or "\r\n". Returns 0 at
 * the end of the text. */
static int next_line(line_reader *reader, aw_span *line)
{
    const char *start, *end;

    if (reader->pos >= reader->size)
        return 0;
    start = reader->text + reader->pos;
    end = memchr(start, '\n', reader->size - reader->pos);
    if (end == NULL)
        end = reader->text + reader->size;
    reader->pos = (size_t)(end - reader->text) + (end < reader->text + reader->size);
    reader->number++;
    line->data = start;
    line->size = (size_t)(end - start);
    if (line->size > 0 && start[line->size - 1] == '\r')
        line->size--;
    return 1;
}

_Static_assert(sizeof(((aw_parse_error *)0)->message) <= AW_PRINTABLE_MAX_FORMAT,
               "aw_printable_vformat() fills the message");

int aw_parse_fail(aw_parse_error *error, unsigned line, const char *fmt, ...)
{
    va_list args;

    error->line = line;
    va_start(args, fmt);
    aw_printable_vformat(error->message, sizeof(error->message), fmt, args);
    va_end(args);
    return -1;
}

unsigned aw_line_of(const char *text, size_t offset)
{
    unsigned line = 1;
    size_t i;

    for (i = 0; i < offset; i++)
        line += text[i] == '\n';
    return line;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

static aw_span trim(aw_span s)
{
    while (s.size > 0 && is_space(s.data[0])) {
        s.data++;
        s.size--;
    }
    while (s.size > 0 && is_space(s.data[s.size - 1]))
        s.size--;
    return s;
}

static int span_is(aw_span s, const char *word)
{
    return s.size == strlen(word) && memcmp(s.data, word, s.size) == 0;
}

static int is_fence(aw_span line)
{
    return span_is(trim(line), "---");
}

static int is_leap_year(unsigned y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int date_is_valid(aw_span s)
{
    static const unsigned days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    unsigned y, m, d, i;

    if (s.size != 10 || s.data[4] != '-' || s.data[7] != '-')
        return 0;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !(s.data[i] >= '0' && s.data[i] <= '9'))
            return 0;
    y = (unsigned)((s.data[0] - '0') * 1000 + (s.data[1] - '0') * 100 + (s.data[2] - '0') * 10 + (s.data[3] - '0'));
    m = (unsigned)((s.data[5] - '0') * 10 + (s.data[6] - '0'));
    d = (unsigned)((s.data[8] - '0') * 10 + (s.data[9] - '0'));
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= days[m - 1] + (m == 2 && is_leap_year(y));
}

/* Splits "a, b, c" or "[a, b, c]" into fm->topics. */
static int parse_topics(aw_span value, aw_front_matter *fm, unsigned line, aw_parse_error *error)
{
    size_t start = 0, i;

    if (value.size >= 2 && value.data[0] == '[' && value.data[value.size - 1] == ']') {
        value.data++;
        value.size -= 2;
    }
    for (i = 0; i <= value.size; i++) {
        aw_span topic;
        if (i < value.size && value.data[i] != ',')
            continue;
        topic.data = value.data + start;
        topic.size = i - start;
        topic = trim(topic);
        start = i + 1;
        if (topic.size == 0)
            return aw_parse_fail(error, line, "empty topic in 'topics' (write topics as: a, b, c)");
        if (fm->topic_count == AW_MAX_TOPICS)
            return aw_parse_fail(error, line, "too many topics (at most %d)", AW_MAX_TOPICS);
        fm->topics[fm->topic_count++] = topic;
    }
    return 0;
}

enum { KEY_TITLE, KEY_SLUG, KEY_DATE, KEY_SOURCE, KEY_TOPICS, KEY_SUMMARY, KEY_COUNT };
static const char *const key_names[KEY_COUNT] = { "title", "slug", "date", "source", "topics", "summary" };

static int find_key(aw_span key)
{
    int k;

    for (k = 0; k < KEY_COUNT; k++)
        if (span_is(key, key_names[k]))
            return k;
    return -1;
}

static int parse_field(aw_front_matter *fm, int key, aw_span value, unsigned line, aw_parse_error *error)
{
    switch (key) {
    case KEY_TITLE:
        fm->title = value;
        return 0;
    case KEY_SLUG:
        if (!aw_slug_is_valid(value.data, value.size))
            return aw_parse_fail(error, line, "slug '%.*s' must be lowercase letters, digits and '-' (at most %d)",
                                 (int)value.size, value.data, AW_SLUG_MAX_SIZE);
        fm->slug = value;
        return 0;
    case KEY_DATE:
        if (!date_is_valid(value))
            return aw_parse_fail(error, line, "date '%.*s' is not a calendar date written YYYY-MM-DD",
                                 (int)value.size, value.data);
        fm->date = value;
        return 0;
    case KEY_SOURCE:
        fm->source = value;
        return 0;
    case KEY_TOPICS:
        return parse_topics(value, fm, line, error);
    default:
        fm->summary = value;
        return 0;
    }
}

int aw_front_matter_parse(const char *text, size_t size, aw_front_matter *fm, aw_parse_error *error)
{
    line_reader reader = { text, size, 0, 0 };
    unsigned seen_on[KEY_COUNT] = { 0 };
    aw_span line;
    size_t valid;
    const char *nul;

    memset(fm, 0, sizeof(*fm));
    valid = aw_utf8_valid_prefix(text, size);
    if (valid != size)
        return aw_parse_fail(error, aw_line_of(text, valid), "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
                             (unsigned)(unsigned char)text[valid]);
    nul = memchr(text, '\0', size);
    if (nul != NULL)
        return aw_parse_fail(error, aw_line_of(text, (size_t)(nul - text)),
                             "the file contains a NUL byte; save it as UTF-8 text");
    if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        reader.pos = 3; /* a byte-order mark before the opening fence */

    if (!next_line(&reader, &line) || !is_fence(line))
        return aw_parse_fail(error, 1, "expected '---' to open the front matter");

    for (;;) {
        const char *colon;
        aw_span key, value;
        int k;

        if (!next_line(&reader, &line))
            return aw_parse_fail(error, reader.number,
                                 "front matter is not closed: add a line '---' after the last field");
        if (is_fence(line))
            break;
        if (trim(line).size == 0 || trim(line).data[0] == '#')
            continue; /* blank lines and comments */
        colon = memchr(line.data, ':', line.size);
        if (colon == NULL)
            return aw_parse_fail(error, reader.number, "expected 'key: value', got '%.*s'",
                                 (int)line.size, line.data);
        key.data = line.data;
        key.size = (size_t)(colon - line.data);
        key = trim(key);
        value.data = colon + 1;
        value.size = (size_t)(line.data + line.size - value.data);
        value = trim(value);
        if (value.size >= 2 && value.data[0] == '"' && value.data[value.size - 1] == '"') {
            value.data++;
            value.size -= 2;
            value = trim(value); /* "  " is as empty as nothing */
        }
        k = find_key(key);
        if (k < 0)
            return aw_parse_fail(error, reader.number,
                                 "unknown key '%.*s' (known: title, slug, date, source, topics, summary)",
                                 (int)key.size, key.data);
        if (seen_on[k])
            return aw_parse_fail(error, reader.number, "duplicate key '%s' (first set on line %u)",
                                 key_names[k], seen_on[k]);
        seen_on[k] = reader.number;
        if (value.size == 0)
            return aw_parse_fail(error, reader.number, "'%s' is empty", key_names[k]);
        if (parse_field(fm, k, value, reader.number, error) != 0)
            return -1;
    }

    if (!seen_on[KEY_TITLE] || !seen_on[KEY_SLUG] || !seen_on[KEY_DATE])
        return aw_parse_fail(error, reader.number, "front matter lacks '%s' (title, slug and date are required)",
                             !seen_on[KEY_TITLE] ? "title" : !seen_on[KEY_SLUG] ? "slug" : "date");

    fm->body.data = text + reader.pos;
    fm->body.size = size - reader.pos;
    fm->body_line = reader.number + 1;
    return 0;
}
