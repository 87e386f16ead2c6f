/* The project's only formatter: stb_sprintf, built once in format.c.
 * Integers and strings only (STB_SPRINTF_NOFLOAT); no libc printf family. */
#ifndef AW_FORMAT_H
#define AW_FORMAT_H

#include <stdarg.h>

/* Lets the compiler check a printf-style format against its arguments
 * (-Wformat, and -Wformat-nonliteral under -Wformat=2): `fmt` is the
 * format's parameter number, `first` the first argument's (0 for a
 * va_list). stb_sprintf takes the same conversions as printf. */
#if defined(__GNUC__) || defined(__clang__)
#define AW_PRINTF(fmt, first) __attribute__((format(printf, fmt, first)))
#else
#define AW_PRINTF(fmt, first)
#endif

/* Like vsnprintf(): writes at most `size` bytes including the NUL and
 * returns the length the full text would have. `out` may be NULL when
 * `size` is 0. */
int aw_vsnprintf(char *out, int size, const char *fmt, va_list args) AW_PRINTF(3, 0);

/* Like snprintf(). */
int aw_snprintf(char *out, int size, const char *fmt, ...) AW_PRINTF(3, 4);

#endif
