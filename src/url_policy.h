/* Which URLs may reach an href or src attribute.
 *
 * The allow-list: http, https, mailto (links only), relative references and
 * #fragments. Everything else with a scheme -- javascript:, vbscript:,
 * data:, file:, and any spelling of them -- is refused. */
#ifndef AW_URL_POLICY_H
#define AW_URL_POLICY_H

#include <stddef.h>

typedef enum aw_url_kind {
    AW_URL_REFUSED = 0,  /* must not be written to the page */
    AW_URL_FRAGMENT,     /* "#id": a place in this document */
    AW_URL_RELATIVE,     /* a path on the page's own site */
    AW_URL_EXTERNAL,     /* http:, https: or "//host": another site */
    AW_URL_MAILTO        /* mailto: */
} aw_url_kind;

typedef enum aw_url_use {
    AW_URL_FOR_LINK,     /* <a href> */
    AW_URL_FOR_IMAGE     /* <img src>: no mailto */
} aw_url_use;

/* Classifies `url`, which must already have its character references
 * decoded (the browser decodes them before it parses the URL, so must we).
 * Decides as a browser would, but leans to refusal: leading spaces and
 * control characters are skipped, tabs, newlines and other controls inside
 * the scheme are ignored, case is folded. */
aw_url_kind aw_url_classify(const char *url, size_t size, aw_url_use use);

#endif
