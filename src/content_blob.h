/* The content formats: a site's articles as files beside the renderer,
 * written at build time (content_build.c: `article-widget build`,
 * scripts/build, aw-embed) and read at run time (catalog.c). They are data,
 * not code: the renderer module is the same bytes for every site and every
 * publication, and a page loads only the edition, then the one archive
 * file of each other article it shows.
 *
 * Two kinds of file in one frame:
 *
 *   "AWE1" | "AWA1"    magic: "AW", the kind (E: the edition, A: an archive
 *                      file), the format version ('1')
 *   u32 payload size   little-endian; the file is exactly 16 + this many bytes
 *   u64 checksum       FNV-1a, 64 bits, of the payload, little-endian
 *   payload
 *
 * The edition, AW_EDITION_FILE: what a page loads before its first article.
 * Its size depends on the trending list alone, never on the archive.
 *   archive folder     NUL-terminated: where the archive files are, relative
 *                      to the edition (AW_ARCHIVE_FOLDER)
 *   u32 trending count 1 .. AW_MAX_TRENDING
 *   the trending articles, in trending.md's order: article records
 * Its checksum is the build id: the same edition, the same id.
 *
 * An archive file, ARCHIVE FOLDER + SLUG + AW_ARCHIVE_EXTENSION: one article
 * record, for every article (the trending ones too), so a page finds any
 * article with one request and no index, and a correction changes that
 * file (and the edition, when the article is trending) and nothing else.
 *
 * An article record:
 *   u32 topic count    0 .. AW_CONTENT_MAX_TOPICS
 *   NUL-terminated UTF-8 strings: slug, title, date, source, summary, the
 *   topics, the Markdown body
 *
 * The build writes both kinds gzip-compressed (a static host serves them
 * small as they are); the shim inflates them before handing them to the
 * module, which sees only the format above. The packer has checked
 * everything; the reader still checks the frame (length, checksum), the
 * structure, the slugs, the UTF-8, and that an archive file holds the
 * article that was asked for, because a file can be truncated, damaged,
 * altered or misplaced on its way. The checksum finds damage, not an
 * adversary who rewrites it: what any file holds is rendered under the
 * renderer's safety policy anyway (docs/security.md). */
#ifndef AW_CONTENT_BLOB_H
#define AW_CONTENT_BLOB_H

#define AW_EDITION_MAGIC "AWE1"
#define AW_ARCHIVE_MAGIC "AWA1"
#define AW_CONTENT_MAGIC_SIZE 4
#define AW_CONTENT_HEADER_SIZE 16

/* The file names: the edition beside the scripts, the archive in a folder
 * beside it (the edition names the folder; this is the one the build
 * writes). */
#define AW_EDITION_FILE "article-widget.awe"
#define AW_ARCHIVE_FOLDER "articles/"
#define AW_ARCHIVE_EXTENSION ".awa"

/* The most trending articles an edition carries, each in full: the bound
 * on what a page loads before its first article (trending.md may name no
 * more). */
#define AW_MAX_TRENDING 10

/* Limits the packer enforces and the reader trusts no further. */
#define AW_CONTENT_MAX_ARTICLES 100000
#define AW_CONTENT_MAX_TOPICS 16 /* per article; front_matter.h's AW_MAX_TOPICS */

/* The most a build reads: per file (an article or trending.md) and for
 * all of them together. aw-embed and the package's command check the
 * sizes before reading anything (content_build.h), so a huge file, a
 * device or a file that grows is refused instead of filling memory; the
 * packer checks again. 1 MiB is a book's chapter in Markdown, far beyond a
 * news article, and well below what the renderer takes (AW_MAX_INPUT_SIZE). */
#define AW_CONTENT_MAX_FILE_SIZE ((size_t)1 << 20)
#define AW_CONTENT_MAX_TOTAL_SIZE ((size_t)1 << 30)

#endif
