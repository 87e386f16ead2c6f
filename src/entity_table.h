/* The HTML standard's named character references, generated at build time
 * from md4c's src/entity.c by cmake/EntityTable.cmake (entity_table.c in
 * the build tree). Entry i is named aw_entity_names[end(i-1) .. end(i)),
 * without '&' and ';'; entries are sorted as "&name;" strings. */
#ifndef AW_ENTITY_TABLE_H
#define AW_ENTITY_TABLE_H

#include <stdint.h>

extern const unsigned aw_entity_count;
extern const char aw_entity_names[];
extern const uint16_t aw_entity_name_ends[];   /* where each name ends */
extern const uint16_t aw_entity_first[];       /* each entry's code point, 0 when astral */
extern const unsigned aw_entity_astral_count;
extern const uint32_t aw_entity_astral[][2];   /* { entry, code point } beyond U+FFFF, by entry */
extern const unsigned aw_entity_second_count;
extern const uint32_t aw_entity_second[][2];   /* { entry, second code point }, by entry */

#endif
