#include "url_policy.h"

#include "char_refs.h"
#include "escape.h"

#include <string.h>

static int is_slash(char ch)
{
    return ch == '/' || ch == '\\';
}

static int is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int is_scheme_char(char ch)
{
    return is_alpha(ch) || (ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.';
}

/* The URL parser's first step, in place: C0 controls and spaces dropped at
 * both ends, tabs and newlines removed anywhere. A named reference's mark
 * is kept (a NUL: char_refs.h). Returns the new length. */
static size_t clean(char *url, size_t size)
{
    size_t start = 0, end = size, len = 0, i;

    while (start < end && url[start] != AW_NAMED_REF_MARK && (unsigned char)url[start] <= 0x20)
        start++;
    while (end > start && url[end - 1] != AW_NAMED_REF_MARK && (unsigned char)url[end - 1] <= 0x20)
        end--;
    for (i = start; i < end; i++)
        if (url[i] != '\t' && url[i] != '\n' && url[i] != '\r')
            url[len++] = url[i];
    return len;
}

/* The length of the scheme, as the parser finds it: a letter, then letters,
 * digits, '+', '-' or '.', up to a ':'. 0 when there is none (a relative
 * URL: "a b:c" and "foo):" are paths). */
static size_t scheme_length(const char *url, size_t size)
{
    size_t i = 0;

    if (size == 0 || !is_alpha(url[0]))
        return 0;
    while (i < size && is_scheme_char(url[i]))
        i++;
    return i < size && url[i] == ':' ? i : 0;
}

static int scheme_is(const char *url, size_t len, const char *name)
{
    size_t i;

    if (len != strlen(name))
        return 0;
    for (i = 0; i < len; i++) {
        char ch = url[i];
        if ((ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch) != name[i])
            return 0;
    }
    return 1;
}

/* In place, for what follows an http(s) scheme or a whole relative URL
 * (the page is http(s), so both are "special" URLs to the parser): a run
 * of two or more slashes of either kind, which starts a host, becomes
 * "//"; any other '\' before the query or fragment becomes '/', as the
 * parser reads it -- up to a named reference, which might stand for the
 * '?' or '#' that starts them. Returns the new length. */
static size_t normalize_slashes(char *url, size_t size)
{
    size_t i = 0, len = 0;

    if (size >= 2 && is_slash(url[0]) && is_slash(url[1])) {
        while (i < size && is_slash(url[i]))
            i++;
        url[len++] = '/';
        url[len++] = '/';
    }
    for (; i < size && url[i] != '?' && url[i] != '#' && url[i] != AW_NAMED_REF_MARK; i++)
        url[len++] = url[i] == '\\' ? '/' : url[i];
    for (; i < size; i++)
        url[len++] = url[i];
    return len;
}

/* Writes url[from, to) -- a host when `host`, which keeps its brackets.
 * From the first named reference (`mark`) on, a '\' is written as it is:
 * whatever the reference stands for, the browser then reads it as it
 * reads the author's. */
static void write_span(aw_buffer *out, const char *url, size_t from, size_t to, size_t mark, int host)
{
    size_t split = mark < from ? from : mark > to ? to : mark;

    aw_escape_url_keeping(out, url + from, split - from, host ? "[]" : "");
    aw_escape_url_keeping(out, url + split, to - split, host ? "[]\\" : "\\");
}

/* Writes a URL whose slashes are normalized: the host (after a leading
 * "//", up to the path, query or fragment) keeps its brackets. */
static void write_hierarchical(aw_buffer *out, const char *url, size_t size)
{
    const char *mark = memchr(url, AW_NAMED_REF_MARK, size);
    size_t first_mark = mark ? (size_t)(mark - url) : size, host_end = 0;

    if (size >= 2 && url[0] == '/' && url[1] == '/')
        for (host_end = 2; host_end < size && url[host_end] != '/' && url[host_end] != '?' && url[host_end] != '#';)
            host_end++;
    write_span(out, url, 0, host_end, first_mark, 1);
    write_span(out, url, host_end, size, first_mark, 0);
}

aw_url_kind aw_url_write(aw_buffer *out, char *url, size_t size, aw_url_use use)
{
    size_t len = clean(url, size), scheme, i;

    /* A named reference where the scheme is decided -- before the first
     * ':', '/', '\', '?' or '#' -- might stand for any of them, or for a tab
     * the parser drops ("javascript&colon;", "java&Tab;script:"): refused,
     * since the browser, not this module, knows its names. So is one just
     * after a lone leading slash ("/&sol;host" is "//host"). */
    for (i = 0; i < len && url[i] != ':' && !is_slash(url[i]) && url[i] != '?' && url[i] != '#'; i++)
        if (url[i] == AW_NAMED_REF_MARK)
            return AW_URL_REFUSED;
    if (len >= 2 && is_slash(url[0]) && url[1] == AW_NAMED_REF_MARK)
        return AW_URL_REFUSED;

    if (len == 0)
        return AW_URL_RELATIVE; /* an empty href points at the page itself */
    if (url[0] == '#') {
        aw_escape_url(out, url, len);
        return AW_URL_FRAGMENT;
    }
    scheme = scheme_length(url, len);
    if (scheme == 0) {
        int names_host = len >= 2 && is_slash(url[0]) && is_slash(url[1]);
        write_hierarchical(out, url, normalize_slashes(url, len));
        return names_host ? AW_URL_EXTERNAL : AW_URL_RELATIVE;
    }
    if (scheme_is(url, scheme, "http") || scheme_is(url, scheme, "https")) {
        /* Two slashes of either kind after the colon start the host on any
         * page. One or none ("https:x", "http:/x") is a path on a page of
         * the same scheme and a host on a page of the other: which one
         * cannot be known here, so neither is written. */
        if (len - scheme < 3 || !is_slash(url[scheme + 1]) || !is_slash(url[scheme + 2]))
            return AW_URL_REFUSED;
        aw_escape_url(out, url, scheme + 1);
        write_hierarchical(out, url + scheme + 1, normalize_slashes(url + scheme + 1, len - scheme - 1));
        return AW_URL_EXTERNAL;
    }
    if (use == AW_URL_FOR_LINK
        && (scheme_is(url, scheme, "mailto") || scheme_is(url, scheme, "tel") || scheme_is(url, scheme, "sms"))) {
        aw_escape_url(out, url, len);
        return AW_URL_APP;
    }
    return AW_URL_REFUSED;
}
