#include "format.h"

#define STB_SPRINTF_IMPLEMENTATION
#define STB_SPRINTF_STATIC
#define STB_SPRINTF_NOFLOAT
/* Byte stores only: its word stores are misaligned, undefined behaviour in C. */
#define STB_SPRINTF_NOUNALIGNED
#include "stb_sprintf.h" /* Debian libstb-dev: /usr/include/stb */

int aw_vsnprintf(char *out, int size, const char *fmt, va_list args)
{
    return stbsp_vsnprintf(out, size, fmt, args);
}

int aw_snprintf(char *out, int size, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = stbsp_vsnprintf(out, size, fmt, args);
    va_end(args);
    return n;
}
