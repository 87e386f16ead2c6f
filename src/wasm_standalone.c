/* Linked into each of our wasm modules (cmake/WasmModule.cmake).
 *
 * Emscripten's standalone heap calls this after growing memory and would
 * otherwise import it from the host. The JavaScript that drives a module
 * re-reads memory.buffer after every call, so there is nothing to notify:
 * defining it here leaves the module with no imports at all. */
#include <stddef.h>

void emscripten_notify_memory_growth(size_t memory_index);
void emscripten_notify_memory_growth(size_t memory_index)
{
    (void)memory_index;
}
