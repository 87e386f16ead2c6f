#include "slug.h"

int aw_slug_is_valid(const char *slug, size_t size)
{
    size_t i;

    if (size == 0 || size > AW_SLUG_MAX_SIZE || slug[0] == '-' || slug[size - 1] == '-')
        return 0;
    for (i = 0; i < size; i++) {
        unsigned char c = (unsigned char)slug[i];
        if (!((unsigned)(c - 'a') < 26 || (unsigned)(c - '0') < 10 || c == '-'))
            return 0;
    }
    return 1;
}
