/* The content blob: content/ packed at build time (content_build.c) and
 * read at run time (catalog.c). It is data, not code: the native CLI links
 * it as a byte array, the .wasm carries it in a custom section that the
 * shim hands to the module at start (aw_load_content), so the articles of
 * a built module can be replaced without a C toolchain.
 *
 *   "AWC1"                            magic, format version 1
 *   u32 article_count                 little-endian
 *   u32 trending_count                articles[0 .. trending_count) are the
 *                                     trending list, in its order
 *   per article, in catalog order:
 *     u32 topic_count
 *     NUL-terminated UTF-8 strings: slug, title, date, source, summary,
 *       the topics, the Markdown body
 *
 * The packer has already checked everything (content_build.h); the reader
 * still checks the structure, the slugs and the UTF-8, because a blob can
 * come from a file someone else built. */
#ifndef AW_CONTENT_BLOB_H
#define AW_CONTENT_BLOB_H

#define AW_CONTENT_MAGIC "AWC1"
#define AW_CONTENT_MAGIC_SIZE 4

/* The name of the .wasm custom section that holds the blob. */
#define AW_CONTENT_SECTION "article-widget.content"

/* Limits the packer enforces and the reader trusts no further. */
#define AW_CONTENT_MAX_ARTICLES 10000
#define AW_CONTENT_MAX_TOPICS 16 /* per article; front_matter.h's AW_MAX_TOPICS */

/* The most a build reads: per file (an article or trending.md) and for
 * all of them together. aw-embed and the package's command check the
 * sizes before reading anything (content_build.h), so a huge file, a
 * device or a file that grows is refused instead of filling memory; the
 * packer checks again. 1 MiB is a book's chapter in Markdown, far beyond a
 * news article, and well below what the renderer takes (AW_MAX_INPUT_SIZE). */
#define AW_CONTENT_MAX_FILE_SIZE ((size_t)1 << 20)
#define AW_CONTENT_MAX_TOTAL_SIZE ((size_t)256 << 20)

#endif
