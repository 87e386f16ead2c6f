/* The exports declared in wasm_exports.h, over the renderer. State: the
 * catalog handed in by aw_load_content, the output (wasm_module.h) and the
 * facts of the render under way. */
#include "wasm_exports.h"

#include "article_html.h"
#include "buffer.h"
#include "catalog.h"
#include "facts.h"
#include "heading_ids.h"

#include <stdlib.h>
#include <string.h>

static aw_catalog catalog;
static void *catalog_blob;
static aw_facts facts;

#define AW_STRINGIFY_(x) #x
#define AW_STRINGIFY(x) AW_STRINGIFY_(x)

int export_abi_version(void)
{
    return AW_ABI_VERSION;
}

int export_load_content(void *blob, size_t size)
{
    int status;

    aw_module_start_output();
    aw_catalog_free(&catalog);
    free(catalog_blob);
    catalog_blob = blob;
    status = blob == NULL ? AW_ERR_ARGUMENT : aw_catalog_load(&catalog, blob, size);
    return aw_module_finish(status);
}

int export_catalog_json(void)
{
    aw_module_start_output();
    return aw_module_finish(aw_catalog_write_json(&aw_module_output, &catalog) == 0 ? AW_OK : AW_ERR_NOMEM);
}

int export_find_article(const char *slug, size_t size)
{
    long index;

    aw_module_start_output();
    if (slug == NULL && size != 0)
        return aw_module_finish(AW_ERR_ARGUMENT);
    index = aw_catalog_find(&catalog, slug, size);
    if (index < 0)
        return aw_module_finish(AW_ERR_UNKNOWN_ARTICLE);
    return aw_module_finish(aw_buffer_append_str(&aw_module_output, catalog.articles[index].slug) == 0
                            ? AW_OK : AW_ERR_NOMEM);
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
    start_render();
    if (slug == NULL && slug_size != 0)
        return aw_module_finish(AW_ERR_ARGUMENT);
    return finish_render(aw_render_view(&aw_module_output, &catalog, slug, slug_size, view, heading_level, link_target,
                                        &facts),
                         with_facts);
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
