/* The character references md4c reports (MD_TEXT_ENTITY).
 *
 * Numeric ones ("&#233;", "&#xE9;") are decoded here. Named ones ("&eacute;")
 * are left to the browser, which knows all 2,125 names of the HTML
 * standard: they are written through as they are, so the module carries no
 * table. Where a decision depends on what a name stands for (a URL's
 * scheme, a class token), the renderer does not guess: see
 * markdown_html.c and url_policy.h. */
#ifndef AW_CHAR_REFS_H
#define AW_CHAR_REFS_H

#include "buffer.h"

/* In an attribute value held for a decision, a named reference is kept as
 * this byte, its name and ';' ("\0eacute;"). Decoded text never holds a
 * NUL otherwise (md4c reports NULs apart; "&#0;" decodes to U+FFFD), and
 * escape.h writes a mark back as "&name;" for the browser to decode. */
#define AW_NAMED_REF_MARK '\0'

/* The length of the named reference (mark or '&', name, ';') at the start
 * of `text`, or 0 when there is none: the name must be ASCII letters and
 * digits, so that it can be written through unescaped. */
size_t aw_char_ref_named_length(const char *text, size_t size);

/* Appends the UTF-8 text of the numeric reference `&#...;` given in
 * `entity` (invalid code points become U+FFFD). Returns 0 when decoded, 1
 * when `entity` is not a numeric reference, -1 when the buffer failed. */
int aw_char_ref_decode_numeric(aw_buffer *out, const char *entity, size_t size);

/* Appends what the named reference `&name;` stands for in a heading's id
 * (heading_ids.h): the character, for the Latin-1 letters (&eacute;) and
 * the spaces, dashes and invisible characters the slug treats apart
 * (&nbsp; &mdash; &shy; ...), so an id is the same as for the character
 * typed; nothing for any other name (they stand for punctuation and
 * symbols, which ids leave out, or for letters rarely written by name).
 * Returns 0, or -1 when the buffer failed. */
int aw_char_ref_id_text(aw_buffer *out, const char *entity, size_t size);

/* Appends the plain text of a reference as far as the module knows it,
 * for texts it hands to JavaScript (a heading's text in facts.h): numeric
 * references decoded; &amp; &lt; &gt; &quot; &apos; and the names
 * aw_char_ref_id_text knows, their character; any other as written.
 * Returns 0, or -1 when the buffer failed. */
int aw_char_ref_plain_text(aw_buffer *out, const char *entity, size_t size);

#endif
