#include "url_policy.h"

#include <string.h>

static int is_ignorable(unsigned char ch)
{
    return ch <= 0x20 || ch == 0x7F;
}

static int is_slash(char ch)
{
    return ch == '/' || ch == '\\';
}

aw_url_kind aw_url_classify(const char *url, size_t size, aw_url_use use)
{
    char scheme[8]; /* long enough for "mailto" plus one to tell it from longer ones */
    size_t scheme_len = 0, i = 0;
    int too_long = 0;

    while (i < size && is_ignorable((unsigned char)url[i]))
        i++;
    if (i == size)
        return AW_URL_RELATIVE; /* an empty href points at the page itself */
    if (url[i] == '#')
        return AW_URL_FRAGMENT;
    if (is_slash(url[i]) && i + 1 < size && is_slash(url[i + 1]))
        return AW_URL_EXTERNAL;

    /* Gather what comes before the first ':' unless a '/', '?' or '#'
     * ends the first segment: then there is no scheme. */
    for (; i < size; i++) {
        char ch = url[i];
        if (ch == ':')
            break;
        if (is_slash(ch) || ch == '?' || ch == '#')
            return AW_URL_RELATIVE;
        if (is_ignorable((unsigned char)ch))
            continue;
        if (scheme_len < sizeof(scheme))
            scheme[scheme_len++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
        else
            too_long = 1;
    }
    if (i == size)
        return AW_URL_RELATIVE;
    if (too_long || scheme_len == 0)
        return AW_URL_REFUSED;

    if ((scheme_len == 4 && memcmp(scheme, "http", 4) == 0)
        || (scheme_len == 5 && memcmp(scheme, "https", 5) == 0))
        return AW_URL_EXTERNAL;
    if (use == AW_URL_FOR_LINK && scheme_len == 6 && memcmp(scheme, "mailto", 6) == 0)
        return AW_URL_MAILTO;
    return AW_URL_REFUSED;
}
