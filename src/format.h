/* The project's only formatter: stb_sprintf, built once in format.c.
 * Integers and strings only (STB_SPRINTF_NOFLOAT); no libc printf family. */
#ifndef AW_FORMAT_H
#define AW_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Like vsnprintf(): writes at most `size` bytes including the NUL and
 * returns the length the full text would have. `out` may be NULL when
 * `size` is 0. */
int aw_vsnprintf(char *out, int size, const char *fmt, va_list args);

/* Like snprintf(). */
int aw_snprintf(char *out, int size, const char *fmt, ...);

/* Writes `value` in decimal at `out` (room for 20 digits; no NUL) and
 * returns the number of digits. The renderer writes its numbers (heading
 * levels, list starts, counts) with this alone, so the wasm module links
 * no formatter: stb_sprintf cost it 4 KB of code. */
size_t aw_format_uint(char *out, unsigned long value);

#endif
