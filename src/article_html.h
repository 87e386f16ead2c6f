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

/* The level of the widget's own headings (article title, "Trending
 * Topics") unless the host asks for another. Every function below takes a
 * `heading_level`: 1..6, values above 6 are clamped to 6 and values below
 * 1 mean this default. The article body's headings shift with it. */
#define AW_DEFAULT_HEADING_LEVEL 2

/* Appends <nav aria-label="Trending Topics"> with a heading and an <ol> of
 * links to the catalog's trending articles; the one at `current` (an index,
 * or -1) carries aria-current="page". Returns an errors.h status. */
int aw_render_trending(aw_buffer *out, const aw_catalog *catalog, long current, int heading_level);

/* Appends <article> with <header> (title, byline with <time>, source,
 * reading time and word count of the body), the rendered body and a
 * <footer> holding "Back to top". Words are counted while the body renders.
 * Returns an errors.h status; on error `out` holds partial output. */
int aw_render_article(aw_buffer *out, const aw_article *article, int heading_level);

/* Appends `view` of the article at `index` (-1: the first trending one).
 * Returns AW_ERR_ARGUMENT for an unknown index or view. */
int aw_render_view(aw_buffer *out, const aw_catalog *catalog, long index, int view, int heading_level);

#endif
