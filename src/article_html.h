/* The widget's markup around the Markdown: the trending list and the
 * article with its header, byline and "Back to top" footer. The shim and
 * the native CLI both print exactly this. */
#ifndef AW_ARTICLE_HTML_H
#define AW_ARTICLE_HTML_H

#include "buffer.h"
#include "catalog.h"

typedef enum aw_view {
    AW_VIEW_FULL = 0,      /* trending list, then the article */
    AW_VIEW_TRENDING = 1,  /* the trending list alone */
    AW_VIEW_ARTICLE = 2    /* the article alone */
} aw_view;

/* Appends <nav aria-label="Trending Topics"> with an <ol> of links to the
 * catalog's trending articles; the one at `current` (an index, or -1)
 * carries aria-current="page". Returns an errors.h status. */
int aw_render_trending(aw_buffer *out, const aw_catalog *catalog, long current);

/* Appends <article> with <header> (h2 title, byline with <time> and
 * source), the rendered body and a <footer> holding "Back to top".
 * Returns an errors.h status; on error `out` holds partial output. */
int aw_render_article(aw_buffer *out, const aw_article *article);

/* Appends `view` of the article at `index` (-1: the first trending one).
 * Returns AW_ERR_ARGUMENT for an unknown index or view. */
int aw_render_view(aw_buffer *out, const aw_catalog *catalog, long index, int view);

#endif
