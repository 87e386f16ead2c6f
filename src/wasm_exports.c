/* The exports declared in wasm_exports.h, over the renderer. State: the
 * catalog (the edition and the archive articles handed in since, each
 * pointing into the file it came from: the module frees those files), the
 * output (wasm_module.h) and the facts of the render under way. */
#include "wasm_exports.h"

#include "article_html.h"
#include "buffer.h"
#include "catalog.h"
#include "facts.h"
#include "heading_ids.h"

#include <stdlib.h>
#include <string.h>

static aw_catalog catalog;
static aw_facts facts;

#define AW_STRINGIFY_(x) #x
#define AW_STRINGIFY(x) AW_STRINGIFY_(x)

int export_abi_version(void)
{
    return AW_ABI_VERSION;
}

/* A refusal: the catalog's reason, or the status's own message. */
static int refused(int status)
{
    return aw_module_output.len && status == AW_ERR_CONTENT ? status : aw_module_finish(status);
}

int export_load_edition(void *blob, size_t size)
{
    size_t i;
    int status;

    aw_module_start_output();
    /* The files of the catalog: the edition's (its articles share it), then one per archive article. */
    for (i = catalog.trending_count ? catalog.trending_count - 1 : 0; i < catalog.count; i++)
        free((void *)catalog.articles[i].file);
    if (blob == NULL)
        status = AW_ERR_ARGUMENT;
    else
        status = aw_catalog_load_edition(&catalog, blob, size, &aw_module_output);
    if (status != AW_OK) {
        aw_catalog_free(&catalog);
        free(blob);
    }
    return refused(status);
}

int export_add_article(const char *slug, size_t slug_size, void *blob, size_t size)
{
    int status = AW_ERR_ARGUMENT;

    aw_module_start_output();
    if (blob != NULL && (slug != NULL || slug_size == 0))
        status = aw_catalog_add_article(&catalog, blob, size, slug ? slug : "", slug_size, &aw_module_output);
    if (status != AW_OK)
        free(blob);
    return refused(status);
}

int export_catalog_json(void)
{
    aw_module_start_output();
    return aw_module_finish(aw_catalog_write_json(&aw_module_output, &catalog) == 0 ? AW_OK : AW_ERR_NOMEM);
}

/* The article the module has no article for: its archive file's path in
 * the output. */
static int unknown(const char *slug, size_t size)
{
    aw_module_start_output();
    return aw_catalog_append_archive_path(&aw_module_output, &catalog, slug, size) == 0 ? AW_ERR_UNKNOWN_ARTICLE
                                                                                       : AW_ERR_NOMEM;
}

int export_find_article(const char *slug, size_t size)
{
    long index;

    aw_module_start_output();
    if (slug == NULL && size != 0)
        return aw_module_finish(AW_ERR_ARGUMENT);
    index = aw_catalog_find(&catalog, slug, size);
    if (index < 0)
        return unknown(slug, size);
    return aw_module_finish(aw_buffer_append(&aw_module_output, catalog.articles[index].slug,
                                             catalog.articles[index].slug_size) == 0 ? AW_OK : AW_ERR_NOMEM);
}

/* Starts a render: empty output and facts. */
static void start_render(void)
{
    aw_module_start_output();
    aw_facts_clear(&facts);
}

/* What a render returns: the HTML's length, with the facts' JSON after the
 * HTML when asked for; or the failure's status and message. The length
 * fits an int: the module's memory is at most 2 GiB (-sMAXIMUM_MEMORY in
 * cmake/WasmModule.cmake). */
static int finish_render(int status, int with_facts)
{
    size_t html_size = aw_module_output.len;

    if (status == AW_OK && with_facts && aw_facts_write_json(&aw_module_output, &facts) != 0)
        status = AW_ERR_NOMEM;
    return status == AW_OK ? (int)html_size : aw_module_finish(status);
}

int export_render_view(const char *slug, size_t slug_size, int view, int heading_level, int link_target,
                       int with_facts)
{
    int status;

    start_render();
    if (slug == NULL && slug_size != 0)
        return aw_module_finish(AW_ERR_ARGUMENT);
    status = aw_render_view(&aw_module_output, &catalog, slug, slug_size, view, heading_level, link_target, &facts);
    return status == AW_ERR_UNKNOWN_ARTICLE ? unknown(slug, slug_size) : finish_render(status, with_facts);
}

static int bad_prefix(void)
{
    return aw_module_fail(AW_ERR_ARGUMENT, "the id prefix must be up to " AW_STRINGIFY(AW_ID_PREFIX_MAX)
                                           " ASCII letters, digits, '-' and '_'");
}

int export_render_markdown(const char *markdown, size_t size, int heading_level, int frame, const char *id_prefix,
                           size_t id_prefix_size, int link_target, int with_facts)
{
    char prefix[AW_ID_PREFIX_MAX + 1];
    aw_facts *wanted = with_facts ? &facts : NULL;
    int status;

    start_render();
    if (size > AW_MAX_INPUT_SIZE)
        return aw_module_finish(AW_ERR_TOO_LARGE);
    if ((markdown == NULL && size != 0) || (id_prefix == NULL && id_prefix_size != 0))
        return aw_module_finish(AW_ERR_ARGUMENT);
    if (id_prefix_size > AW_ID_PREFIX_MAX)
        return bad_prefix();
    memcpy(prefix, id_prefix_size ? id_prefix : "", id_prefix_size);
    prefix[id_prefix_size] = '\0';
    if (id_prefix_size > 0 && (strlen(prefix) != id_prefix_size || !aw_heading_ids_prefix_valid(prefix)))
        return bad_prefix();
    if (markdown == NULL)
        markdown = "";
    if (frame == AW_FRAME_ARTICLE)
        status = aw_render_page_article(&aw_module_output, markdown, size, heading_level, link_target, wanted);
    else if (frame == AW_FRAME_NONE)
        status = aw_render_fragment(&aw_module_output, markdown, size, heading_level, id_prefix_size ? prefix : NULL,
                                    link_target, wanted);
    else
        status = AW_ERR_ARGUMENT;
    return finish_render(status, with_facts);
}
