/* What every one of our wasm modules has (the renderer, wasm_exports.h;
 * the content packer, content_exports.h): no imports; memory for input
 * from aw_alloc; one module-owned output buffer that a call's text comes
 * back in, read as (aw_output_ptr(), aw_output_len()) and valid until the
 * next call, holding the message when the call failed. Any call may grow
 * memory: re-read views on memory.buffer after each. web/src/module-io.js
 * is the JavaScript side. */
#ifndef AW_WASM_MODULE_H
#define AW_WASM_MODULE_H

#include "buffer.h"

#include <stddef.h>

#define AW_EXPORT(name) __attribute__((export_name(name), used))

/* Memory for input the caller writes; 0 when out of memory. */
AW_EXPORT("aw_alloc") void *export_alloc(size_t size);
AW_EXPORT("aw_free") void export_free(void *ptr);

/* The last call's output. */
AW_EXPORT("aw_output_ptr") const char *export_output_ptr(void);
AW_EXPORT("aw_output_len") size_t export_output_len(void);

/* For the exports: the output buffer. */
extern aw_buffer aw_module_output;

/* Empties the output for a new call (releasing a large one, so that one
 * huge document does not pin its memory). */
void aw_module_start_output(void);

/* Returns `status`; unless it is AW_OK the output holds `message` alone. */
int aw_module_fail(int status, const char *message);

/* aw_module_fail() with the status's own message (errors.h). */
int aw_module_finish(int status);

#endif
