/* Text from content and file names made safe to print on a terminal.
 *
 * A slug, a key, a line of front matter or a file name can hold escape
 * sequences that retitle the terminal, move the cursor or wipe a line, and
 * invisible characters that reorder or hide what follows. Every message
 * built from such text goes through here: ill-formed UTF-8 becomes U+FFFD
 * (as the WHATWG decoder replaces it), and every control character (C0,
 * DEL, C1) and every invisible formatting character (bidi controls,
 * zero-width characters, U+FEFF, tag characters) is written as `\xHH`
 * (below U+0100) or `\u{HHHH}`. Nothing else changes: a backslash is not
 * escaped, so the form is for reading, not for parsing back, and applying
 * it twice gives the same text (the package's command applies the same
 * rule, web/cli/terminal.js, to everything it prints). */
#ifndef AW_PRINTABLE_H
#define AW_PRINTABLE_H

#include "buffer.h"
#include "format.h"

#include <stdarg.h>
#include <stddef.h>

/* Appends the printable form of `text`. Returns 0, or -1 when `out` fails. */
int aw_printable_append(aw_buffer *out, const char *text, size_t size);

/* Writes the printable form of `text` to `out` (`cap` bytes, at least 4,
 * with the NUL). When it does not fit, it is cut after the last whole
 * character (an escape is one) that leaves room for "…" (U+2026), which
 * ends it. Returns the length written. */
size_t aw_printable_copy(char *out, size_t cap, const char *text, size_t size);

/* The largest `cap` aw_printable_vformat() takes. */
#define AW_PRINTABLE_MAX_FORMAT 1000

/* Formats like vsnprintf() and writes the printable form of the result as
 * aw_printable_copy() does (`cap` at most AW_PRINTABLE_MAX_FORMAT). */
void aw_printable_vformat(char *out, size_t cap, const char *fmt, va_list args) AW_PRINTF(3, 0);

#endif
