/* aw-embed: packs content/ into the edition and one archive file per
 * article (src/content_blob.h), for aw-render and the C tests (the package's
 * dist/ and `article-widget build` run the same C as a wasm module).
 *
 *     aw-embed --out DIR --trending content/trending.md content/a.md ...
 *     aw-embed --out DIR --trending content/trending.md --list FILE
 *                                   the articles' paths, one a line, in FILE
 *                                   (tens of thousands pass no command line)
 *
 * writes DIR/article-widget.awe and DIR/articles/SLUG.awa, uncompressed
 * (give it a folder of its own: files of an earlier run stay). The checks
 * are src/content_build.c's: the first problem stops the build with
 * "file:line: message" and nothing is written.
 *
 * It reads as the package's command reads a content folder
 * (web/cli/content-folder.js), with the same messages: before reading
 * anything, the number of articles, then each file's kind and size in the
 * order they are packed (regular files only, a final symbolic link not
 * followed, within AW_CONTENT_MAX_FILE_SIZE and AW_CONTENT_MAX_TOTAL_SIZE);
 * then trending.md and each article in turn, read (checked again on its
 * open descriptor and never read past the limit) and packed: it holds the
 * files it writes, not the folder's text. Every path it prints is made
 * printable (printable.h). */
/* mkdir is POSIX.1-2008 (the build is strict C11). */
#define _POSIX_C_SOURCE 200809L

#include "buffer.h"
#include "content_blob.h"
#include "content_build.h"
#include "errors.h"
#include "printable.h"
#include "read_file.h"

#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "usage: aw-embed --out DIR --trending trending.md {article.md... | --list FILE}\n";

/* Prints "PATH: " (the path printable), then the rest of the line. */
static void report(const char *path, const char *message, const char *detail)
{
    aw_buffer line;

    aw_buffer_init(&line);
    aw_printable_append(&line, path, strlen(path));
    fprintf(stderr, "%.*s: %s%s\n", (int)line.len, line.data ? line.data : "", message, detail);
    aw_buffer_free(&line);
}

static void report_content(const aw_content_error *error)
{
    aw_buffer line;

    aw_buffer_init(&line);
    if (aw_content_error_append(&line, error) == 0)
        fprintf(stderr, "%.*s\n", (int)line.len, line.data);
    else
        fputs("aw-embed: out of memory\n", stderr);
    aw_buffer_free(&line);
}

static void report_not_regular(const char *path, aw_file_kind kind)
{
    report(path, aw_file_kind_name(kind), kind == AW_FILE_LINK
               ? "; content files must be regular files (links are not followed)"
               : "; content files must be regular files");
}

/* Writes `size` bytes beside `path` and renames, so a failed run leaves
 * no half file. Returns 0 or -1 (reported). */
static int write_file(const char *path, const char *data, size_t size)
{
    char tmp_path[4096];
    FILE *out;
    int ok;

    if (snprintf(tmp_path, sizeof(tmp_path), "%s.tmp", path) >= (int)sizeof(tmp_path))
        return -1;
    out = fopen(tmp_path, "wb");
    if (out == NULL) {
        report(tmp_path, strerror(errno), "");
        return -1;
    }
    ok = fwrite(data, 1, size, out) == size;
    ok = fclose(out) == 0 && ok;
    if (!ok || rename(tmp_path, path) != 0) {
        report(path, strerror(errno), "");
        remove(tmp_path);
        return -1;
    }
    return 0;
}

/* `dir`/`name`, written once everything has checked out. */
static int write_into(const char *dir, const char *name, size_t name_size, const char *data, size_t size)
{
    char path[4096];

    if (snprintf(path, sizeof(path), "%s/%.*s", dir, (int)name_size, name) >= (int)sizeof(path)) {
        report(dir, "the path is too long", "");
        return -1;
    }
    return write_file(path, data, size);
}

static int make_folder(const char *dir, const char *sub)
{
    char path[4096];

    if (snprintf(path, sizeof(path), "%s/%s", dir, sub) >= (int)sizeof(path)
        || (mkdir(path, 0777) != 0 && errno != EEXIST)) {
        report(path, strerror(errno), "");
        return -1;
    }
    return 0;
}

/* Every file, in the order they are packed, before any is read: a regular
 * file, within the size limits. Returns 0 or -1 (reported). */
static int check_before_reading(const aw_content_file *files, size_t count, size_t *total)
{
    aw_content_error error;
    aw_file_info info;
    size_t i;

    for (i = 0; i < count; i++) {
        if (aw_file_probe(files[i].path, &info) != 0) {
            report(files[i].path, strerror(errno), "");
            return -1;
        }
        if (info.kind != AW_FILE_REGULAR) {
            report_not_regular(files[i].path, info.kind);
            return -1;
        }
        if (aw_content_check_size(files[i].path, info.size, total, &error) != AW_OK) {
            report_content(&error);
            return -1;
        }
    }
    return 0;
}

/* Reads one content file into `text` (checked again: it may have changed
 * since check_before_reading). Returns 0 or -1 (reported). */
static int read_content_file(const char *path, aw_buffer *text)
{
    aw_content_error error;
    aw_file_info info;
    size_t none = 0;
    int status;

    errno = 0;
    status = aw_read_regular_file(path, AW_CONTENT_MAX_FILE_SIZE, text, &info);
    if (status == AW_READ_NOT_REGULAR)
        report_not_regular(path, info.kind);
    else if (status == AW_READ_TOO_LARGE && aw_content_check_size(path, info.size, &none, &error) != AW_OK)
        report_content(&error);
    else if (status != 0)
        report(path, text->failed ? "out of memory" : errno ? strerror(errno) : "cannot read the file", "");
    return status == 0 ? 0 : -1;
}

/* Reads and packs `articles` one at a time, then writes into `dir`:
 * nothing unless every check passes. Returns 0 or -1 (reported). */
static int pack(const char *dir, const aw_content_file *articles, size_t count, const aw_content_file *trending)
{
    aw_content_packer *packer = aw_content_packer_new(trending);
    size_t *ends = calloc(count ? count : 1, sizeof(*ends)), i, at = 0;
    aw_content_error error;
    aw_buffer files, edition, file, text;
    aw_span slug;
    int status = AW_OK;

    if (packer == NULL || ends == NULL) {
        aw_content_packer_free(packer);
        free(ends);
        fputs("aw-embed: out of memory\n", stderr);
        return -1;
    }
    /* Every archive file, after its path and a NUL. */
    aw_buffer_init(&files);
    aw_buffer_init(&edition);
    aw_buffer_init(&file);
    aw_buffer_init(&text);
    for (i = 0; i < count && status == AW_OK; i++) {
        aw_content_file article = articles[i];

        aw_buffer_clear(&text);
        if (read_content_file(article.path, &text) != 0) {
            status = AW_ERR_ARGUMENT; /* reported */
            break;
        }
        article.text = text.data ? text.data : "";
        article.size = text.len;
        aw_buffer_clear(&file);
        status = aw_content_packer_add(packer, &article, &file, &slug, &error);
        if (status == AW_OK) {
            aw_content_archive_path(&files, slug);
            aw_buffer_append_char(&files, '\0');
            aw_buffer_append_buffer(&files, &file);
            status = files.failed ? AW_ERR_NOMEM : AW_OK;
        }
        ends[i] = files.len;
    }
    if (status == AW_OK)
        status = aw_content_packer_finish(packer, &edition, &error);
    if (status == AW_ERR_CONTENT)
        report_content(&error);
    else if (status == AW_ERR_NOMEM)
        fprintf(stderr, "aw-embed: %s\n", aw_error_message(status));
    if (status == AW_OK && (mkdir(dir, 0777) != 0 && errno != EEXIST)) {
        report(dir, strerror(errno), "");
        status = AW_ERR_ARGUMENT;
    }
    if (status == AW_OK && make_folder(dir, AW_ARCHIVE_FOLDER) != 0)
        status = AW_ERR_ARGUMENT;
    for (i = 0; i < count && status == AW_OK; i++) {
        const char *name = files.data + at;
        size_t name_size = strlen(name);

        if (write_into(dir, name, name_size, name + name_size + 1, ends[i] - at - name_size - 1) != 0)
            status = AW_ERR_ARGUMENT;
        at = ends[i];
    }
    if (status == AW_OK && write_into(dir, AW_EDITION_FILE, strlen(AW_EDITION_FILE), edition.data, edition.len) != 0)
        status = AW_ERR_ARGUMENT;
    aw_buffer_free(&files);
    aw_buffer_free(&edition);
    aw_buffer_free(&file);
    aw_buffer_free(&text);
    free(ends);
    aw_content_packer_free(packer);
    return status == AW_OK ? 0 : -1;
}

/* The paths in `list` (one a line; blank lines skipped), appended to
 * `paths` as pointers into `list`, which they need alive. Returns the
 * number of them, or -1 (reported). */
static long read_list(const char *path, aw_buffer *list, const char ***paths, size_t *count)
{
    size_t i, start = 0, cap = *count;

    if (aw_read_file_or_report(path, list) != 0 || aw_buffer_terminate(list) != 0)
        return -1;
    for (i = 0; i <= list->len; i++) {
        if (i < list->len && list->data[i] != '\n')
            continue;
        list->data[i] = '\0';
        if (i > start) {
            if (*count == cap) {
                const char **grown = realloc(*paths, (cap = cap * 2 + 64) * sizeof(*grown));
                if (grown == NULL) {
                    fputs("aw-embed: out of memory\n", stderr);
                    return -1;
                }
                *paths = grown;
            }
            (*paths)[(*count)++] = list->data + start;
        }
        start = i + 1;
    }
    return (long)*count;
}

int main(int argc, char **argv)
{
    const char *out_dir = NULL, *trending_path = NULL, *list_path = NULL, **paths;
    aw_content_file *articles = NULL, trending;
    aw_buffer trending_text, list;
    aw_content_error error;
    size_t count = 0, total = 0, i;
    int status = 1;

    paths = calloc((size_t)argc, sizeof(*paths));
    if (paths == NULL)
        return 1;
    for (i = 1; i < (size_t)argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < (size_t)argc)
            out_dir = argv[++i];
        else if (strcmp(argv[i], "--trending") == 0 && i + 1 < (size_t)argc)
            trending_path = argv[++i];
        else if (strcmp(argv[i], "--list") == 0 && i + 1 < (size_t)argc)
            list_path = argv[++i];
        else
            paths[count++] = argv[i];
    }
    aw_buffer_init(&trending_text);
    aw_buffer_init(&list);
    if (out_dir == NULL || trending_path == NULL || (count == 0 && list_path == NULL)) {
        fputs(usage, stderr);
        status = 2;
        goto done;
    }
    if (list_path != NULL && read_list(list_path, &list, &paths, &count) < 0)
        goto done;
    articles = calloc(count ? count : 1, sizeof(*articles));
    if (articles == NULL)
        goto done;
    for (i = 0; i < count; i++)
        articles[i].path = paths[i];

    trending.path = trending_path;
    if (aw_content_check_count(count, trending_path, &error) != AW_OK) {
        report_content(&error);
        goto done;
    }
    if (check_before_reading(articles, count, &total) != 0 || check_before_reading(&trending, 1, &total) != 0)
        goto done;
    if (read_content_file(trending_path, &trending_text) != 0)
        goto done;
    trending.text = trending_text.data ? trending_text.data : "";
    trending.size = trending_text.len;
    status = pack(out_dir, articles, count, &trending) == 0 ? 0 : 1;

done:
    aw_buffer_free(&trending_text);
    aw_buffer_free(&list);
    free(articles);
    free(paths);
    return status;
}
