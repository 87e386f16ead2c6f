/* The one rule for an article's slug, wherever one arrives: the front
 * matter and the trending list at build time, the content blob and the
 * slugs JavaScript asks for at run time. A slug is written into URLs
 * (#aw/SLUG) and attributes unescaped, so the rule is also what makes
 * that safe. */
#ifndef AW_SLUG_H
#define AW_SLUG_H

#include <stddef.h>

#define AW_SLUG_MAX_SIZE 100

/* Returns non-zero when the `size` bytes at `slug` are 1 to
 * AW_SLUG_MAX_SIZE characters of [a-z0-9-] that neither start nor end
 * with '-'. */
int aw_slug_is_valid(const char *slug, size_t size);

#endif
