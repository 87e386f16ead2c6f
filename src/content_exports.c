/* The exports declared in content_exports.h, over content_build.c. State:
 * the packer of the build under way and the output (wasm_module.h). */
#include "content_exports.h"

#include "buffer.h"
#include "content_build.h"

#include <stdlib.h>
#include <string.h>

static aw_content_packer *packer;

int export_content_abi_version(void)
{
    return AW_CONTENT_ABI_VERSION;
}

/* The content mistake as aw-embed prints it, or the status's message. */
static int finish(int status, const aw_content_error *error)
{
    if (status != AW_ERR_CONTENT)
        return aw_module_finish(status);
    aw_module_start_output();
    return aw_content_error_append(&aw_module_output, error) == 0 ? status : aw_module_finish(AW_ERR_NOMEM);
}

int export_content_begin(const char *path, size_t path_size, const char *text, size_t text_size)
{
    aw_content_file trending;
    char *path_copy;

    aw_module_start_output();
    aw_content_packer_free(packer);
    packer = NULL;
    if ((path == NULL && path_size != 0) || (text == NULL && text_size != 0))
        return aw_module_finish(AW_ERR_ARGUMENT);
    path_copy = aw_copy_text(path, path_size);
    if (path_copy != NULL) {
        trending.path = path_copy;
        trending.text = text ? text : "";
        trending.size = text_size;
        packer = aw_content_packer_new(&trending);
        free(path_copy);
    }
    return aw_module_finish(packer != NULL ? AW_OK : AW_ERR_NOMEM);
}

int export_content_add_article(const char *path, size_t path_size, const char *text, size_t text_size)
{
    aw_content_file article;
    aw_content_error error;
    aw_buffer file;
    aw_span slug;
    char *path_copy;
    int status;

    aw_module_start_output();
    if (packer == NULL || (path == NULL && path_size != 0) || (text == NULL && text_size != 0))
        return aw_module_finish(AW_ERR_ARGUMENT);
    path_copy = aw_copy_text(path, path_size);
    if (path_copy == NULL)
        return aw_module_finish(AW_ERR_NOMEM);
    article.path = path_copy;
    article.text = text ? text : "";
    article.size = text_size;
    aw_buffer_init(&file);
    status = aw_content_packer_add(packer, &article, &file, &slug, &error);
    if (status == AW_OK) {
        aw_buffer_append(&aw_module_output, slug.data, slug.size);
        aw_buffer_append_char(&aw_module_output, '\0');
        aw_content_archive_path(&aw_module_output, slug);
        aw_buffer_append_char(&aw_module_output, '\0');
        aw_buffer_append_buffer(&aw_module_output, &file);
        status = aw_module_output.failed ? AW_ERR_NOMEM : AW_OK;
    }
    status = finish(status, &error);
    aw_buffer_free(&file);
    free(path_copy);
    return status;
}

int export_content_finish(void)
{
    aw_content_error error;
    int status;

    aw_module_start_output();
    if (packer == NULL)
        return aw_module_finish(AW_ERR_ARGUMENT);
    status = finish(aw_content_packer_finish(packer, &aw_module_output, &error), &error);
    aw_content_packer_free(packer); /* after the message: it names the packer's copy of the path */
    packer = NULL;
    return status;
}
