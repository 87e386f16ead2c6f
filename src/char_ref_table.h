/* The HTML standard's named character references, generated at build time
 * from md4c's src/entity.c by cmake/CharRefTable.cmake (char_ref_table.c in
 * the build tree). Entry i is named aw_char_ref_names[end(i-1) .. end(i)),
 * without '&' and ';'; entries are sorted as "&name;" strings. */
#ifndef AW_CHAR_REF_TABLE_H
#define AW_CHAR_REF_TABLE_H

#include <stdint.h>

extern const unsigned aw_char_ref_count;
extern const char aw_char_ref_names[];
extern const uint16_t aw_char_ref_name_ends[];   /* where each name ends */
extern const uint16_t aw_char_ref_first[];       /* each entry's code point, 0 when astral */
extern const unsigned aw_char_ref_astral_count;
extern const uint32_t aw_char_ref_astral[][2];   /* { entry, code point } beyond U+FFFF, by entry */
extern const unsigned aw_char_ref_second_count;
extern const uint32_t aw_char_ref_second[][2];   /* { entry, second code point }, by entry */

#endif
