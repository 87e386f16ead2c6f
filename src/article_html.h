/* What the widget shows, as HTML: the trending list, the article with its
 * header, byline and "Back to top" footer, page Markdown in the same
 * article frame, and bare fragments for render(). The wasm module and the
 * native CLI both print exactly this. Every function appends to `out`,
 * returns an errors.h status (on error `out` holds partial output to
 * discard), and, when `facts` is not NULL, records the words and headings
 * of the Markdown it rendered (facts.h). A `link_target` (aw_link_target,
 * markdown_html.h) is the target attribute the Markdown's links to other
 * sites get; another value is AW_ERR_ARGUMENT. */
#ifndef AW_ARTICLE_HTML_H
#define AW_ARTICLE_HTML_H

#include "buffer.h"
#include "catalog.h"
#include "facts.h"
#include "markdown_html.h"

typedef enum aw_view {
    AW_VIEW_FULL = 0,      /* trending list, then the article */
    AW_VIEW_TRENDING = 1,  /* the trending list alone */
    AW_VIEW_ARTICLE = 2    /* the article alone */
} aw_view;

/* The views by name, in aw_view order: the widget's view attribute,
 * aw-render --view, and web/src/abi.js's VIEWS. */
#define AW_VIEW_NAMES { "full", "trending", "article" }

/* The markup the widget's script reads to follow links (web/src/navigation.js,
 * through web/src/abi.js; tests/js/abi.test.mjs holds them to these): a
 * trending link goes to AW_HASH_PREFIX SLUG and carries the slug in
 * AW_SLUG_ATTRIBUTE, as the article element does; the title has the class
 * AW_TITLE_CLASS, the "Back to top" link AW_BACK_TO_TOP_CLASS. */
#define AW_HASH_PREFIX "#aw/"
#define AW_SLUG_ATTRIBUTE "data-aw-slug"
#define AW_TITLE_CLASS "aw-title"
#define AW_BACK_TO_TOP_CLASS "aw-back-to-top"

/* The level of the widget's own headings (article title, "Trending
 * Topics") unless the host asks for another. */
#define AW_DEFAULT_HEADING_LEVEL 2

/* The one place a requested heading level is decided: 1..6 as asked,
 * above 6 clamped to 6, below 1 (not given) `fallback`. */
unsigned aw_heading_level(int requested, unsigned fallback);

/* `view` of the article whose slug is the `slug_size` bytes at `slug` (no
 * bytes: the first of the trending list). The widget's headings take
 * `heading_level` (default 2) and the article body's "#" the same level,
 * "##" the next. AW_ERR_UNKNOWN_ARTICLE when the catalog has no such
 * article (decided first), AW_ERR_ARGUMENT for an unknown view. */
int aw_render_view(aw_buffer *out, const aw_catalog *catalog, const char *slug, size_t slug_size, int view,
                   int heading_level, int link_target, aw_facts *facts);

/* <nav aria-label="Trending Topics"> with a heading and an <ol> of links to
 * the trending articles; the one at `current` (an index, or -1) carries
 * aria-current="page". */
int aw_render_trending(aw_buffer *out, const aw_catalog *catalog, long current, int heading_level);

/* <article> with <header> (title, byline: date, source, reading time and
 * word count), the body and a <footer> holding "Back to top". */
int aw_render_article(aw_buffer *out, const aw_article *article, int heading_level, int link_target, aw_facts *facts);

/* Page Markdown (src=, inline, the markdown option) in the frame of a
 * built-in article, without the header and footer that need front matter:
 * <article class="aw-article aw-page-article"> around the same body. */
int aw_render_page_article(aw_buffer *out, const char *markdown, size_t size, int heading_level, int link_target,
                           aw_facts *facts);

/* Bare HTML for Markdown, as render() returns it: "#" is <h{heading_level}>
 * (default 1), no frame. `id_prefix` (or NULL) starts every heading id, for
 * HTML placed in a page's own DOM, where ids become globals
 * (markdown_html.h); AW_ERR_ARGUMENT when it is not a valid prefix. Widgets
 * need none: ids in a shadow root do not reach window. */
int aw_render_fragment(aw_buffer *out, const char *markdown, size_t size, int heading_level, const char *id_prefix,
                       int link_target, aw_facts *facts);

#endif
