/* Our Markdown dialect as md4c flags, flag by flag: MD_DIALECT_GITHUB would
 * take on whatever a later md4c adds to it. Everything not listed stays off
 * (no underline, LaTeX math, wiki links, hard soft breaks, permissive ATX
 * headers). markdown_html.c parses with these, and md4c itself is compiled
 * with them fixed (MD4C_FIXED_FLAGS, cmake/patches/): what they leave off
 * is not in the module at all. */
#ifndef AW_MARKDOWN_FLAGS_H
#define AW_MARKDOWN_FLAGS_H

#include <md4c.h>

#define AW_MARKDOWN_FLAGS                                                       \
    (MD_FLAG_NOHTMLBLOCKS               /* raw HTML blocks are text... */         \
     | MD_FLAG_NOHTMLSPANS              /* ...and so is inline HTML */            \
     | MD_FLAG_TABLES                   /* GitHub tables */                       \
     | MD_FLAG_STRIKETHROUGH            /* ~~deleted~~ */                         \
     | MD_FLAG_TASKLISTS                /* - [x] task list items */               \
     | MD_FLAG_PERMISSIVEURLAUTOLINKS   /* https://... without <> */              \
     | MD_FLAG_PERMISSIVEWWWAUTOLINKS   /* www.example.com, linked as http:// */  \
     | MD_FLAG_PERMISSIVEEMAILAUTOLINKS /* desk@example.com, linked as mailto: */)

#endif
