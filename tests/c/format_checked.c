/* Compiled, never run (tests/c/CMakeLists.txt): proves that the compiler
 * checks the formats given to our formatting functions. Without AW_CASE it
 * must compile cleanly; each AW_CASE holds one mistake that -Wformat=2
 * must reject. */
#include "buffer.h"
#include "format.h"
#include "front_matter.h"

void format_checked(aw_buffer *buf, char *out, aw_parse_error *error, const char *not_a_literal);

void format_checked(aw_buffer *buf, char *out, aw_parse_error *error, const char *not_a_literal)
{
    aw_snprintf(out, 16, "%s %d", "x", 1);
    aw_buffer_appendf(buf, "%.*s", 1, "x");
    aw_parse_fail(error, 1, "'%s' on line %u", "x", 2u);
    (void)not_a_literal;
#if AW_CASE == 1
    aw_snprintf(out, 16, "%s", 42); /* an int for %s */
#elif AW_CASE == 2
    aw_buffer_appendf(buf, "%u %u", 1u); /* an argument missing */
#elif AW_CASE == 3
    aw_buffer_appendf(buf, not_a_literal, 1); /* a format nobody can check */
#elif AW_CASE == 4
    aw_parse_fail(error, 1, "'%.*s'", "x"); /* the length of %.* missing */
#endif
}
