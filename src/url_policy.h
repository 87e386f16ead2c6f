/* Which URLs may reach an href or src attribute, and in what form.
 *
 * The allow-list: http, https, relative references and #fragments; for
 * links also mailto, tel and sms. Everything else with a scheme --
 * javascript:, vbscript:, data:, file:, and any spelling of them -- is
 * refused.
 *
 * The decision is taken on the URL as the browser's URL parser (the WHATWG
 * URL Standard) will read it on an http(s) page: leading and trailing
 * controls and spaces dropped, tabs and newlines removed anywhere, a scheme
 * only when a letter, then letters, digits, '+', '-' or '.', reach a ':',
 * and '\' read as '/' before the query. What is written is a form the
 * browser parses to that same URL (\\host/x becomes //host/x), so that
 * "external" -- the links that get rel="noopener noreferrer" -- is exactly
 * the URLs that name a host. */
#ifndef AW_URL_POLICY_H
#define AW_URL_POLICY_H

#include "buffer.h"

typedef enum aw_url_kind {
    AW_URL_REFUSED = 0,  /* must not be written to the page */
    AW_URL_FRAGMENT,     /* "#id": a place in this document */
    AW_URL_RELATIVE,     /* a path on the page's own site */
    AW_URL_EXTERNAL,     /* http:, https: or "//host": names a host */
    AW_URL_APP           /* mailto:, tel:, sms:: the reader's mail, phone or messaging app */
} aw_url_kind;

typedef enum aw_url_use {
    AW_URL_FOR_LINK,     /* <a href> */
    AW_URL_FOR_IMAGE     /* <img src>: no mailto, tel, sms */
} aw_url_use;

/* Decides on `url`, which must already have its numeric character
 * references decoded and its named ones marked (char_refs.h): the browser
 * decodes them all before it parses the URL, so a named one where the
 * scheme is decided, or just after a lone leading slash, is refused
 * ("javascript&colon;..." stays refused without a table of names), and
 * elsewhere is written through for the browser to decode. Unless refused,
 * appends to `out` the attribute value to write: percent-encoded,
 * HTML-escaped, parsed by the browser to the URL decided on. `url` is
 * rewritten in place meanwhile. Returns the kind; when AW_URL_REFUSED
 * nothing is appended. */
aw_url_kind aw_url_write(aw_buffer *out, char *url, size_t size, aw_url_use use);

#endif
