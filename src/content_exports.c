/* The exports declared in content_exports.h, over content_build.c. State:
 * the files added since aw_content_begin (copies the module owns) and the
 * output (wasm_module.h). */
#include "content_exports.h"

#include "buffer.h"
#include "content_build.h"

#include <stdlib.h>
#include <string.h>

static aw_content_file *articles;
static size_t article_count, article_cap;
static aw_content_file trending;
static int has_trending;

/* A NUL-terminated copy of `size` bytes (paths are printed with %s). */
static char *copy(const char *data, size_t size)
{
    char *out = malloc(size + 1);

    if (out != NULL) {
        if (size != 0)
            memcpy(out, data, size);
        out[size] = '\0';
    }
    return out;
}

static int set_file(aw_content_file *file, const char *path, size_t path_size, const char *text, size_t text_size)
{
    char *path_copy, *text_copy;

    if ((path == NULL && path_size != 0) || (text == NULL && text_size != 0))
        return AW_ERR_ARGUMENT;
    path_copy = copy(path, path_size);
    text_copy = copy(text, text_size);
    if (path_copy == NULL || text_copy == NULL) {
        free(path_copy);
        free(text_copy);
        return AW_ERR_NOMEM;
    }
    file->path = path_copy;
    file->text = text_copy;
    file->size = text_size;
    return AW_OK;
}

static void free_file(aw_content_file *file)
{
    free((char *)file->path);
    free((char *)file->text);
    memset(file, 0, sizeof(*file));
}

int export_content_abi_version(void)
{
    return AW_CONTENT_ABI_VERSION;
}

int export_content_begin(void)
{
    size_t i;

    for (i = 0; i < article_count; i++)
        free_file(&articles[i]);
    free(articles);
    articles = NULL;
    article_count = article_cap = 0;
    free_file(&trending);
    has_trending = 0;
    aw_buffer_free(&aw_module_output);
    return AW_OK;
}

int export_content_add_article(const char *path, size_t path_size, const char *text, size_t text_size)
{
    int status;

    aw_module_start_output();
    if (article_count == article_cap) {
        size_t cap = article_cap ? article_cap * 2 : 64;
        aw_content_file *grown = realloc(articles, cap * sizeof(*grown));

        if (grown == NULL)
            return aw_module_finish(AW_ERR_NOMEM);
        articles = grown;
        article_cap = cap;
    }
    status = set_file(&articles[article_count], path, path_size, text, text_size);
    if (status != AW_OK)
        return aw_module_finish(status);
    article_count++;
    return AW_OK;
}

int export_content_set_trending(const char *path, size_t path_size, const char *text, size_t text_size)
{
    int status;

    aw_module_start_output();
    free_file(&trending);
    status = set_file(&trending, path, path_size, text, text_size);
    has_trending = status == AW_OK;
    return aw_module_finish(status);
}

int export_content_pack(void)
{
    aw_content_error error;
    int status;

    aw_module_start_output();
    if (!has_trending)
        return aw_module_finish(AW_ERR_ARGUMENT);
    status = aw_content_pack(&aw_module_output, articles, article_count, &trending, &error);
    if (status != AW_ERR_CONTENT)
        return aw_module_finish(status);
    /* The mistake as aw-embed prints it. */
    aw_module_start_output();
    if (aw_content_error_append(&aw_module_output, &error) != 0)
        return aw_module_finish(AW_ERR_NOMEM);
    return status;
}
