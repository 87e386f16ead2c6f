/* The exports declared in wasm_exports.h, over the renderer. State: the
 * catalog handed in by aw_load_content, the output (wasm_module.h), and
 * the facts of the last render. */
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

int export_render_view(int index, int view, int heading_level)
{
    aw_module_start_output();
    aw_facts_clear(&facts);
    return aw_module_finish(aw_render_view(&aw_module_output, &catalog, index, view, heading_level, &facts));
}

static int bad_prefix(void)
{
    return aw_module_fail(AW_ERR_ARGUMENT, "the id prefix must be up to " AW_STRINGIFY(AW_ID_PREFIX_MAX)
                                           " ASCII letters, digits, '-' and '_'");
}

int export_render_markdown(const char *markdown, size_t size, int heading_level, int frame, const char *id_prefix,
                           size_t id_prefix_size, int collect_facts)
{
    char prefix[AW_ID_PREFIX_MAX + 1];
    aw_facts *wanted = collect_facts ? &facts : NULL;

    aw_module_start_output();
    aw_facts_clear(&facts);
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
        return aw_module_finish(aw_render_page_article(&aw_module_output, markdown, size, heading_level, wanted));
    if (frame == AW_FRAME_NONE)
        return aw_module_finish(aw_render_fragment(&aw_module_output, markdown, size, heading_level,
                                                   id_prefix_size ? prefix : NULL, wanted));
    return aw_module_finish(AW_ERR_ARGUMENT);
}

int export_facts_json(void)
{
    aw_module_start_output();
    return aw_module_finish(aw_facts_write_json(&aw_module_output, &facts) == 0 ? AW_OK : AW_ERR_NOMEM);
}

int export_version(void)
{
    aw_module_start_output();
    return aw_module_finish(aw_buffer_append_str(&aw_module_output, AW_PACKAGE_VERSION) == 0 ? AW_OK : AW_ERR_NOMEM);
}
