/* The exports declared in wasm_exports.h, over the renderer. State: the
 * catalog handed in by aw_load_content, one output buffer, and the facts
 * of the last render. */
#include "wasm_exports.h"

#include "article_html.h"
#include "buffer.h"
#include "catalog.h"
#include "facts.h"

#include <stdlib.h>

static aw_catalog catalog;
static void *catalog_blob;
static aw_buffer output;
static aw_facts facts;

/* Output larger than this is released after use instead of kept for the
 * next call, so one huge document does not pin its memory. */
#define KEEP_OUTPUT_BYTES ((size_t)1 << 20)

static void start_output(void)
{
    if (output.cap > KEEP_OUTPUT_BYTES)
        aw_buffer_free(&output);
    aw_buffer_clear(&output);
}

/* Replaces partial output with the error's message. */
static int finish(int status)
{
    if (status != AW_OK) {
        aw_buffer_clear(&output);
        aw_buffer_append_str(&output, aw_error_message(status));
    }
    return status;
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

int export_render_markdown(const char *markdown, size_t size, int heading_level, int frame)
{
    start_output();
    aw_facts_clear(&facts);
    if (markdown == NULL && size != 0)
        return finish(AW_ERR_ARGUMENT);
    if (markdown == NULL)
        markdown = "";
    if (frame == AW_FRAME_ARTICLE)
        return finish(aw_render_page_article(&output, markdown, size, heading_level, &facts));
    if (frame == AW_FRAME_NONE)
        return finish(aw_render_fragment(&output, markdown, size, heading_level, &facts));
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
