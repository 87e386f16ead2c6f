/* The module's whole interface to JavaScript: scalar arguments in, a
 * status out, and one module-owned output buffer read as (ptr, len).
 *
 *   aw_abi_version()                 -> 2; bumped when anything below changes
 *   aw_alloc(size) -> ptr | 0        memory for input the shim writes
 *   aw_free(ptr)
 *   aw_render_markdown(ptr, len, heading_level)
 *                                    -> status; output: an HTML fragment whose
 *                                       "#" is <h{heading_level}> (0: <h1>)
 *   aw_article_count()               -> number of embedded articles
 *   aw_article_find(ptr, len)        -> index of the slug, or -1
 *   aw_render_view(index, view, heading_level)
 *                                    -> status; index -1: the default article;
 *                                       view 0 full, 1 trending, 2 article;
 *                                       heading_level 1..6 (0: default 2)
 *   aw_catalog_json()                -> status; output: JSON array of metadata
 *   aw_version()                     -> 0; output: the package version
 *                                       (dist/package.json's, e.g. "0.1.0")
 *   aw_output_ptr(), aw_output_len() -> the last call's output, valid until
 *                                       the next call
 *
 * A status is 0 or a negative errors.h code; on error the output holds a
 * UTF-8 message. Every call may grow memory: re-read views after it. */
#include "article_html.h"
#include "buffer.h"
#include "catalog.h"
#include "errors.h"
#include "markdown_html.h"

#include <stdlib.h>

#define ABI_VERSION 2
/* Exported functions must be external, and have no C callers to share a
 * header with: their prototypes would only repeat them. */
#pragma clang diagnostic ignored "-Wmissing-prototypes"
#define EXPORT(name) __attribute__((export_name(name), used))

static aw_buffer output;

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

/* Emscripten's standalone heap calls this after growing memory and would
 * otherwise import it from the host. The shim re-reads memory.buffer after
 * every call, so there is nothing to notify: defining it here leaves the
 * module with no imports at all. */
void emscripten_notify_memory_growth(size_t memory_index);
void emscripten_notify_memory_growth(size_t memory_index)
{
    (void)memory_index;
}

EXPORT("aw_abi_version") int export_abi_version(void)
{
    return ABI_VERSION;
}

EXPORT("aw_alloc") void *export_alloc(size_t size)
{
    return malloc(size ? size : 1);
}

EXPORT("aw_free") void export_free(void *ptr)
{
    free(ptr);
}

EXPORT("aw_render_markdown") int export_render_markdown(const char *markdown, size_t size, int heading_level)
{
    aw_markdown_options options = { 0, NULL, NULL };

    start_output();
    if (markdown == NULL && size != 0)
        return finish(AW_ERR_ARGUMENT);
    /* markdown_html.c clamps the shifted level at 6. */
    options.heading_offset = heading_level > 1 ? (unsigned)(heading_level > 6 ? 5 : heading_level - 1) : 0;
    return finish(aw_markdown_to_html(&output, markdown ? markdown : "", size, &options));
}

EXPORT("aw_article_count") int export_article_count(void)
{
    return (int)aw_content.count;
}

EXPORT("aw_article_find") int export_article_find(const char *slug, size_t size)
{
    return slug == NULL ? -1 : (int)aw_catalog_find(&aw_content, slug, size);
}

EXPORT("aw_render_view") int export_render_view(int index, int view, int heading_level)
{
    start_output();
    return finish(aw_render_view(&output, &aw_content, index, view, heading_level));
}

EXPORT("aw_catalog_json") int export_catalog_json(void)
{
    start_output();
    return finish(aw_catalog_write_json(&output, &aw_content) == 0 ? AW_OK : AW_ERR_NOMEM);
}

EXPORT("aw_version") int export_version(void)
{
    start_output();
    return finish(aw_buffer_append_str(&output, AW_PACKAGE_VERSION) == 0 ? AW_OK : AW_ERR_NOMEM);
}

EXPORT("aw_output_ptr") const char *export_output_ptr(void)
{
    return output.data;
}

EXPORT("aw_output_len") size_t export_output_len(void)
{
    return output.len;
}
