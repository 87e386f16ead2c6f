/* libFuzzer target: the Markdown renderer on any bytes.
 *
 * The first byte picks the heading offset (as md4c's fuzz-mdhtml.c takes
 * its flags from leading bytes); the rest is the Markdown. Besides the
 * sanitizers' checks, every output must hold the safety policy:
 *  - it is valid UTF-8;
 *  - every '<' opens or closes one of the tags the renderer writes, so no
 *    raw HTML got through;
 *  - every href/src value, read as a browser reads it, is http(s), a
 *    relative URL, or (links only) mailto, tel or sms;
 *  - it is at most AW_MAX_OUTPUT_SIZE(input) bytes, and a render refused
 *    with AW_ERR_OUTPUT_TOO_LARGE really passed that bound and stopped
 *    right after it (within what one callback writes).
 * A broken promise traps, which libFuzzer reports as a crash. */
#include "buffer.h"
#include "errors.h"
#include "facts.h"
#include "markdown_html.h"
#include "run_breaks.h"
#include "url_policy.h" /* aw_url_use only: the URL check here is independent */
#include "utf8.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The checks below are the oracle, not code under test: their branches
 * must not count as coverage (they would guide the fuzzer towards big
 * outputs, not new renderer paths), and they scan every output byte, so
 * instrumenting them and calling memcmp() at every position (libFuzzer
 * hooks each call) made them most of an execution's time. */
#define ORACLE __attribute__((no_sanitize("coverage")))

/* Whether `text` (`len` bytes) has the string `s` at `at`: memcmp() without
 * libFuzzer's hook. */
ORACLE static int has_at(const char *text, size_t len, size_t at, const char *s)
{
    size_t k;

    for (k = 0; s[k] != '\0'; k++)
        if (at + k >= len || text[at + k] != s[k])
            return 0;
    return 1;
}

/* Every class="language-..." holds exactly one class token as the browser
 * splits them: nothing after "language-" is ASCII whitespace, and every
 * '&' starts a named reference ("&" letters/digits ";") that is not one of
 * the two that decode to whitespace (&Tab; &NewLine;): no numeric one,
 * which could. */
ORACLE static void check_class_tokens(const aw_buffer *out)
{
    static const char open[] = " class=\"language-";
    size_t i, k, start, n = sizeof(open) - 1;

    for (i = 0; i + n <= out->len; i++) {
        if (!has_at(out->data, out->len, i, open))
            continue;
        for (i = start = i + n; i < out->len && out->data[i] != '"'; i++) {
            char ch = out->data[i];
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r')
                __builtin_trap();
            if (ch != '&')
                continue;
            for (k = i + 1; k < out->len && ((out->data[k] >= 'a' && out->data[k] <= 'z')
                                              || (out->data[k] >= 'A' && out->data[k] <= 'Z')
                                              || (out->data[k] >= '0' && out->data[k] <= '9')); k++)
                ;
            if (k == i + 1 || k == out->len || out->data[k] != ';'
                || (k - i == 4 && memcmp(out->data + i, "&Tab", 4) == 0)
                || (k - i == 8 && memcmp(out->data + i, "&NewLine", 8) == 0))
                __builtin_trap();
        }
        if (i == start) /* "language-" with no token */
            __builtin_trap();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const our_tags[] = {
    "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img",
    "input", "li", "ol", "p", "pre", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
};

ORACLE static int is_our_tag(const char *html, size_t len, size_t at)
{
    size_t i, start = at + 1 + (at + 1 < len && html[at + 1] == '/');

    for (i = 0; i < sizeof(our_tags) / sizeof(our_tags[0]); i++) {
        size_t n = strlen(our_tags[i]);
        if (start + n < len && has_at(html, len, start, our_tags[i])
            && (html[start + n] == '>' || html[start + n] == ' '))
            return 1;
    }
    return 0;
}

/* How a browser reads the scheme of an attribute value (the WHATWG URL
 * parser: leading C0 controls and spaces stripped, tabs and newlines
 * removed anywhere, then [A-Za-z][A-Za-z0-9+.-]* before ':'). The only
 * character reference allowed before the scheme ends is &amp; (what
 * aw_escape_url writes; '&' ends a scheme). Independent of
 * url_policy.c on purpose: it checks what the page will do with the output.
 * Writes the lowercased scheme to `scheme` and returns its length, or 0
 * when the URL has none (relative). */
ORACLE static size_t browser_scheme(const char *value, size_t len, char scheme[16])
{
    size_t i = 0, n = 0;

    while (i < len && value[i] != '"' && (unsigned char)value[i] <= 0x20)
        i++;
    for (; i < len && value[i] != '"'; i++) {
        char ch = value[i];
        if (ch == '\t' || ch == '\n' || ch == '\r')
            continue;
        if (ch == ':')
            return n;
        if (ch == '&' && !(len - i >= 5 && memcmp(value + i, "&amp;", 5) == 0))
            __builtin_trap(); /* a reference the browser would decode first */
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (!((ch >= 'a' && ch <= 'z') || (n > 0 && ((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.'))))
            return 0;
        if (n < 15)
            scheme[n++] = ch; /* a longer scheme stays 15 long: matches nothing allowed */
    }
    return 0;
}

ORACLE static void check_url(const char *value, size_t len, aw_url_use use)
{
    char scheme[16];
    size_t n = browser_scheme(value, len, scheme);

    if (n == 0)
        return;
    if ((n == 4 && memcmp(scheme, "http", 4) == 0) || (n == 5 && memcmp(scheme, "https", 5) == 0))
        return;
    if (use == AW_URL_FOR_LINK && ((n == 6 && memcmp(scheme, "mailto", 6) == 0) || (n == 3 && memcmp(scheme, "tel", 3) == 0)
                                   || (n == 3 && memcmp(scheme, "sms", 3) == 0)))
        return;
    __builtin_trap();
}

ORACLE static void check_policy(const aw_buffer *out)
{
    size_t i;

    if (aw_utf8_valid_prefix(out->data, out->len) != out->len)
        __builtin_trap();
    for (i = 0; i < out->len; i++) {
        if (out->data[i] == '<' && !is_our_tag(out->data, out->len, i))
            __builtin_trap();
        if (has_at(out->data, out->len, i, " href=\""))
            check_url(out->data + i + 7, out->len - i - 7, AW_URL_FOR_LINK);
        else if (has_at(out->data, out->len, i, " src=\""))
            check_url(out->data + i + 6, out->len - i - 6, AW_URL_FOR_IMAGE);
    }
}

/* One callback writes at most a piece of the input, escaped (6 bytes for
 * a '"' in text, a decoded reference at most 3 per input byte in a URL),
 * with a long run's span opened and closed at most once per
 * AW_RUN_BREAK_AFTER characters (run_breaks.h), plus its tags: how far
 * past the bound a refused render may have gone. */
static size_t one_callback_most(size_t size)
{
    return 6 * size + (size / AW_RUN_BREAK_AFTER + 1) * (sizeof(AW_LONG_RUN_OPEN AW_LONG_RUN_CLOSE) - 1) + 256;
}

ORACLE static void check_output_size(int status, const aw_buffer *out, size_t size)
{
    size_t bound = AW_MAX_OUTPUT_SIZE(size);

    if (status == AW_OK && out->len > bound)
        __builtin_trap();
    if (status == AW_ERR_OUTPUT_TOO_LARGE && (out->len <= bound || out->len - bound > one_callback_most(size)))
        __builtin_trap();
}

/* The facts are well-formed JSON's outline: an object that ends "]}" and
 * holds valid UTF-8 (json.c escapes what JSON must). */
ORACLE static void check_facts(const aw_facts *facts)
{
    aw_buffer json;

    aw_buffer_init(&json);
    if (aw_facts_write_json(&json, facts) != 0 || json.len < 2 || json.data[0] != '{'
        || memcmp(json.data + json.len - 2, "]}", 2) != 0 || aw_utf8_valid_prefix(json.data, json.len) != json.len)
        __builtin_trap();
    aw_buffer_free(&json);
}

/* The first byte holds options: the heading offset, whether to collect
 * facts, whether ids take a prefix. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aw_markdown_options options;
    aw_facts facts;
    aw_buffer out;
    int status;

    memset(&options, 0, sizeof(options));
    aw_facts_init(&facts);
    if (size > 0) {
        options.heading_offset = data[0] & 7;
        options.facts = data[0] & 8 ? &facts : NULL;
        options.id_prefix = data[0] & 16 ? "aw-" : NULL;
        data++;
        size--;
    }
    aw_buffer_init(&out);
    status = aw_markdown_to_html(&out, (const char *)data, size, &options);
    check_output_size(status, &out, size);
    if (status == AW_OK) {
        check_policy(&out);
        check_class_tokens(&out);
        check_facts(&facts);
    }
    aw_facts_free(&facts);
    aw_buffer_free(&out);
    return 0;
}
