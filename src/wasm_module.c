/* The exports and helpers of wasm_module.h, linked into each of our wasm
 * modules (cmake/WasmModule.cmake). */
#include "wasm_module.h"

#include "errors.h"

#include <stdlib.h>

aw_buffer aw_module_output;

/* Output larger than this is released after use instead of kept for the
 * next call. */
#define KEEP_OUTPUT_BYTES ((size_t)1 << 20)

/* Emscripten's standalone heap calls this after growing memory and would
 * otherwise import it from the host. The JavaScript that drives a module
 * re-reads memory.buffer after every call, so there is nothing to notify:
 * defining it here leaves the module with no imports at all. */
void emscripten_notify_memory_growth(size_t memory_index);
void emscripten_notify_memory_growth(size_t memory_index)
{
    (void)memory_index;
}

void *export_alloc(size_t size)
{
    return malloc(size ? size : 1);
}

void export_free(void *ptr)
{
    free(ptr);
}

const char *export_output_ptr(void)
{
    return aw_module_output.data;
}

size_t export_output_len(void)
{
    return aw_module_output.len;
}

void aw_module_start_output(void)
{
    if (aw_module_output.cap > KEEP_OUTPUT_BYTES)
        aw_buffer_free(&aw_module_output);
    aw_buffer_clear(&aw_module_output);
}

int aw_module_fail(int status, const char *message)
{
    if (status != AW_OK) {
        aw_buffer_clear(&aw_module_output);
        aw_buffer_append_str(&aw_module_output, message);
    }
    return status;
}

int aw_module_finish(int status)
{
    return aw_module_fail(status, aw_error_message(status));
}
