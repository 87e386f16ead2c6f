/* Long runs of text without a break opportunity, marked so that a browser
 * lays them out in linear time.
 *
 * Under `overflow-wrap: break-word` Chromium lays out one word wider than
 * the line in time that grows with the square of its length (a paragraph
 * of 1 MB without a space took minutes), as it looks for the next break
 * opportunity from every line's end. So where a run of characters without
 * a break opportunity (ASCII whitespace, a line break, a block's edge, an
 * ideograph) passes AW_RUN_BREAK_AFTER characters, the rest of the run is
 * written inside AW_LONG_RUN_OPEN ... AW_LONG_RUN_CLOSE, which the widget's
 * stylesheet gives `line-break: anywhere`: a break opportunity between
 * any two characters. The span holds no text of its own, so what a reader
 * copies, textContent and the facts do not change; outside the widget's
 * stylesheet it does nothing. The span closes before every tag (and opens
 * again after it while the run goes on), so it nests in any element.
 *
 * AW_RUN_BREAK_AFTER is longer than a line of the article at its default
 * measure (65ch): text without longer runs, which is all ordinary text
 * (words, URLs), is written as before. (Marks every few dozen characters
 * were measured too: <wbr> makes Firefox's layout grow faster than the
 * length, a generated zero-width space cost Firefox more than twice the
 * time of ordinary words; see docs/security.md.)
 *
 * The span does not open inside a grapheme cluster as far as a short
 * table knows them (combining marks, the vowel signs of Thai, Lao, Myanmar
 * and Khmer, which write words without spaces, joiners, variation
 * selectors, emoji modifiers): there it waits for the next character that
 * starts one, for at most AW_RUN_BREAK_AFTER characters more. */
#ifndef AW_RUN_BREAKS_H
#define AW_RUN_BREAKS_H

#include "buffer.h"

#include <stdint.h>

#define AW_RUN_BREAK_AFTER 256 /* characters */
#define AW_LONG_RUN_OPEN "<span class=\"aw-long-run\">"
#define AW_LONG_RUN_CLOSE "</span>"

/* The run being written. Zero-initialized: no run. */
typedef struct aw_run_breaks {
    size_t length; /* characters since the last break opportunity */
    int open;      /* AW_LONG_RUN_OPEN has been written and not closed */
} aw_run_breaks;

/* Appends `text` (valid UTF-8) as aw_escape_html does, counting on from
 * `runs`: opens the long run's span where the run passes
 * AW_RUN_BREAK_AFTER characters, closes it where the run ends. Returns 0,
 * or -1 when the buffer failed. */
int aw_run_breaks_escape_html(aw_buffer *out, aw_run_breaks *runs, const char *text, size_t size);

/* Counts one character `cp` that the caller writes itself (U+FFFD for a
 * NUL; 0 for one not known here, a named reference), opening the span
 * first when it is due. */
void aw_run_breaks_before(aw_buffer *out, aw_run_breaks *runs, uint32_t cp);

/* Before a tag: closes the span if it is open. `ends_run`: the tag also
 * ends the run (a block's edge, a line break); otherwise the run goes on
 * and the span opens again at the next character. */
void aw_run_breaks_close(aw_buffer *out, aw_run_breaks *runs, int ends_run);

#endif
