/* Markdown to safe, DOM-ready HTML: md4c's parser with our own output.
 *
 * The policy, enforced here and nowhere else:
 *  - every text and attribute value is escaped; raw HTML is shown as text;
 *    numeric character references are decoded, named ones ("&eacute;")
 *    written through for the browser to decode (char_refs.h);
 *  - a code block's class is "language-" and one token;
 *  - href/src go through url_policy.h: a refused link keeps its text and
 *    loses its <a>, a refused image shows its alt text;
 *  - links to other sites get rel="noopener noreferrer" (and the target
 *    the widget's link-target asks for), images loading="lazy" (and, from
 *    other sites, referrerpolicy="no-referrer"), headings a unique id;
 *  - ill-formed UTF-8 becomes U+FFFD, so the output is always valid UTF-8.
 * Dialect: CommonMark plus GitHub's tables, strikethrough, task lists and
 * permissive URL, www and e-mail autolinks, each flag listed in
 * markdown_flags.h. */
#ifndef AW_MARKDOWN_HTML_H
#define AW_MARKDOWN_HTML_H

#include "buffer.h"
#include "facts.h"
#include "heading_ids.h"

/* Where links to other sites open: the widget's link-target attribute,
 * written as those links' target attribute (none by default). */
typedef enum aw_link_target {
    AW_LINK_TARGET_NONE = 0,
    AW_LINK_TARGET_SELF = 1,
    AW_LINK_TARGET_BLANK = 2,
    AW_LINK_TARGET_PARENT = 3,
    AW_LINK_TARGET_TOP = 4
} aw_link_target;

/* Their attribute values, in aw_link_target order ("" for none), as
 * web/src/abi.js's LINK_TARGETS names them. */
#define AW_LINK_TARGET_NAMES { "", "_self", "_blank", "_parent", "_top" }

/* Non-zero for a value of aw_link_target. */
#define AW_LINK_TARGET_VALID(t) ((t) >= AW_LINK_TARGET_NONE && (t) <= AW_LINK_TARGET_TOP)

typedef struct aw_markdown_options {
    /* Added to every heading level (clamped to 6), so an article's own
     * sections sit below its title. 0 renders "#" as <h1>. */
    unsigned heading_offset;
    /* Ids already used around the fragment, or NULL; the set is updated. */
    aw_heading_ids *ids;
    /* If not NULL, the render adds its words and headings to it (see
     * facts.h), while rendering: no second pass over the Markdown. */
    aw_facts *facts;
    /* If not NULL, starts every heading id written (and the ids are unique
     * with it): "aw-" makes "# Config" <h1 id="aw-config">, which no
     * longer clobbers window.config when the HTML is in a page's own DOM.
     * At most AW_ID_PREFIX_MAX ASCII letters, digits, '-' and '_'
     * (heading_ids.h); anything else is AW_ERR_ARGUMENT. */
    const char *id_prefix;
    /* The target links to other sites get (aw_link_target); any other
     * value is AW_ERR_ARGUMENT. */
    int link_target;
} aw_markdown_options;

/* Appends the HTML for `size` bytes of Markdown to `out`: at most
 * AW_MAX_OUTPUT_SIZE(size) bytes. `options` may be NULL for the defaults.
 * Returns AW_OK, or AW_ERR_TOO_LARGE, AW_ERR_OUTPUT_TOO_LARGE (rendering
 * stopped where the HTML passed that bound), AW_ERR_ARGUMENT (an invalid
 * id prefix or link target), AW_ERR_NOMEM, AW_ERR_PARSE
 * (errors.h); on error `out` holds partial output the caller should
 * discard. */
int aw_markdown_to_html(aw_buffer *out, const char *markdown, size_t size,
                        const aw_markdown_options *options);

#endif
