/* libFuzzer target: the content parsers on any bytes. The first byte
 * picks the parser (even: an article's front matter, odd: trending.md).
 * What they accept must keep their promises: spans inside the input, a
 * valid slug, a YYYY-MM-DD date, required fields present. */
#include "front_matter.h"
#include "trending_list.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_span(aw_span span, const char *text, size_t size)
{
    if (span.size > 0 && (span.data < text || span.data + span.size > text + size))
        __builtin_trap();
}

static void fuzz_front_matter(const char *text, size_t size)
{
    aw_front_matter fm;
    aw_parse_error error;
    size_t i;

    if (aw_front_matter_parse(text, size, &fm, &error) != 0) {
        if (error.line == 0 || error.message[0] == '\0')
            __builtin_trap();
        return;
    }
    if (fm.title.size == 0 || fm.date.size != 10 || !aw_slug_is_valid(fm.slug.data, fm.slug.size)
        || fm.topic_count > AW_MAX_TOPICS)
        __builtin_trap();
    check_span(fm.title, text, size);
    check_span(fm.source, text, size);
    check_span(fm.summary, text, size);
    check_span(fm.body, text, size);
    for (i = 0; i < fm.topic_count; i++)
        check_span(fm.topics[i], text, size);
}

static void fuzz_trending(const char *text, size_t size)
{
    aw_trending_list list;
    aw_parse_error error;
    size_t i;

    if (aw_trending_parse(text, size, &list, &error) != 0) {
        if (error.line == 0 || error.message[0] == '\0')
            __builtin_trap();
        return;
    }
    if (list.count == 0 || list.count > AW_MAX_TRENDING)
        __builtin_trap();
    for (i = 0; i < list.count; i++) {
        check_span(list.slugs[i], text, size);
        if (!aw_slug_is_valid(list.slugs[i].data, list.slugs[i].size))
            __builtin_trap();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] & 1)
        fuzz_trending((const char *)data + 1, size - 1);
    else
        fuzz_front_matter((const char *)data + 1, size - 1);
    return 0;
}
