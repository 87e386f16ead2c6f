/* The exports declared in wasm_exports.h, over the renderer. State: the
 * catalog handed in by aw_load_content, one output buffer, and the facts
 * of the last render. */
#include "wasm_exports.h"

#include "article_html.h"
#include "buffer.h"
#include "catalog.h"
#include "facts.h"
#include "heading_ids.h"

#include <string.h>

#include <stdlib.h>

static aw_catalog catalog;
static void *catalog_blob;
static aw_buffer output;
static aw_facts facts;

#define AW_STRINGIFY_(x) #x
#define AW_STRINGIFY(x) AW_STRINGIFY_(x)

/* Output larger than this is released after use instead of kept for the
 * next call, so one huge document does not pin its memory. */
#define KEEP_OUTPUT_BYTES ((size_t)1 << 20)

static void start_output(void)
{
    if (output.cap > KEEP_OUTPUT_BYTES)
        aw_buffer_free(&output);
    aw_buffer_clear(&output);
}

/* Replaces partial output with a message saying what went wrong. */
static int fail_with(int status, const char *message)
{
    aw_buffer_clear(&output);
    aw_buffer_append_str(&output, message);
    return status;
}

static int finish(int status)
{
    return status == AW_OK ? status : fail_with(status, aw_error_message(status));
}

int export_abi_version(void)
{
    return AW_ABI_VERSION;
}

void *export_alloc(size_t size)
{
    return malloc(size ? size : 1);
}

void export_free(void *ptr)
{
    free(ptr);
}

int export_load_content(void *blob, size_t size)
{
    int status;

    start_output();
    aw_catalog_free(&catalog);
    free(catalog_blob);
    catalog_blob = blob;
    status = blob == NULL ? AW_ERR_ARGUMENT : aw_catalog_load(&catalog, blob, size);
    return finish(status);
}

int export_catalog_json(void)
{
    start_output();
    return finish(aw_catalog_write_json(&output, &catalog) == 0 ? AW_OK : AW_ERR_NOMEM);
}

int export_render_view(int index, int view, int heading_level)
{
    start_output();
    aw_facts_clear(&facts);
    return finish(aw_render_view(&output, &catalog, index, view, heading_level, &facts));
}

static int bad_prefix(void)
{
    return fail_with(AW_ERR_ARGUMENT,
                     "the id prefix must be up to " AW_STRINGIFY(AW_ID_PREFIX_MAX) " ASCII letters, digits, '-' and '_'");
}

int export_render_markdown(const char *markdown, size_t size, int heading_level, int frame, const char *id_prefix,
                           size_t id_prefix_size)
{
    char prefix[AW_ID_PREFIX_MAX + 1];

    start_output();
    aw_facts_clear(&facts);
    if ((markdown == NULL && size != 0) || (id_prefix == NULL && id_prefix_size != 0))
        return finish(AW_ERR_ARGUMENT);
    if (id_prefix_size > AW_ID_PREFIX_MAX)
        return bad_prefix();
    memcpy(prefix, id_prefix_size ? id_prefix : "", id_prefix_size);
    prefix[id_prefix_size] = '\0';
    if (id_prefix_size > 0 && (strlen(prefix) != id_prefix_size || !aw_heading_ids_prefix_valid(prefix)))
        return bad_prefix();
    if (markdown == NULL)
        markdown = "";
    if (frame == AW_FRAME_ARTICLE)
        return finish(aw_render_page_article(&output, markdown, size, heading_level, &facts));
    if (frame == AW_FRAME_NONE)
        return finish(aw_render_fragment(&output, markdown, size, heading_level, id_prefix_size ? prefix : NULL, &facts));
    return finish(AW_ERR_ARGUMENT);
}

int export_facts_json(void)
{
    start_output();
    return finish(aw_facts_write_json(&output, &facts) == 0 ? AW_OK : AW_ERR_NOMEM);
}

int export_version(void)
{
    start_output();
    return finish(aw_buffer_append_str(&output, AW_PACKAGE_VERSION) == 0 ? AW_OK : AW_ERR_NOMEM);
}

const char *export_output_ptr(void)
{
    return output.data;
}

size_t export_output_len(void)
{
    return output.len;
}
