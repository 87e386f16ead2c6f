/* The project's only formatter: stb_sprintf, built once in format.c.
 * Integers and strings only (STB_SPRINTF_NOFLOAT); no libc printf family. */
#ifndef AW_FORMAT_H
#define AW_FORMAT_H

#include <stdarg.h>

/* Like vsnprintf(): writes at most `size` bytes including the NUL and
 * returns the length the full text would have. `out` may be NULL when
 * `size` is 0. */
int aw_vsnprintf(char *out, int size, const char *fmt, va_list args);

/* Like snprintf(). */
int aw_snprintf(char *out, int size, const char *fmt, ...);

#endif
