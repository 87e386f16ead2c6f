#include "heading_ids.h"

#include "format.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Long headings make long ids; past this many bytes the rest is dropped. */
#define MAX_ID_BYTES 64

void aw_heading_ids_init(aw_heading_ids *ids)
{
    aw_buffer_init(&ids->names);
    ids->slots = NULL;
    ids->next = NULL;
    ids->slot_count = 0;
    ids->used = 0;
}

void aw_heading_ids_free(aw_heading_ids *ids)
{
    aw_buffer_free(&ids->names);
    free(ids->slots);
    free(ids->next);
    aw_heading_ids_init(ids);
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Returns the slot holding `name`, or the empty slot where it would go. */
static size_t find_slot(const aw_heading_ids *ids, const char *name, size_t len)
{
    size_t mask = ids->slot_count - 1;
    size_t slot = hash_bytes(name, len) & mask;

    while (ids->slots[slot] != 0) {
        const char *stored = ids->names.data + ids->slots[slot] - 1;
        if (strncmp(stored, name, len) == 0 && stored[len] == '\0')
            return slot;
        slot = (slot + 1) & mask;
    }
    return slot;
}

static int grow_table(aw_heading_ids *ids)
{
    size_t count = ids->slot_count ? ids->slot_count * 2 : 32;
    size_t *old_slots = ids->slots, old_count = ids->slot_count, i;
    unsigned *old_next = ids->next;

    ids->slots = calloc(count, sizeof(*ids->slots));
    ids->next = calloc(count, sizeof(*ids->next));
    if (ids->slots == NULL || ids->next == NULL) {
        free(ids->slots);
        free(ids->next);
        ids->slots = old_slots;
        ids->next = old_next;
        return -1;
    }
    ids->slot_count = count;
    for (i = 0; i < old_count; i++) {
        if (old_slots[i] != 0) {
            const char *name = ids->names.data + old_slots[i] - 1;
            size_t slot = find_slot(ids, name, strlen(name));
            ids->slots[slot] = old_slots[i];
            ids->next[slot] = old_next[i];
        }
    }
    free(old_slots);
    free(old_next);
    return 0;
}

static int contains(const aw_heading_ids *ids, const char *name, size_t len)
{
    return ids->slot_count != 0 && ids->slots[find_slot(ids, name, len)] != 0;
}

/* Adds a name known to be absent. */
static int insert(aw_heading_ids *ids, const char *name, size_t len)
{
    size_t offset = ids->names.len, slot;

    /* Keep the load under a half so probes stay short. */
    if ((ids->used + 1) * 2 > ids->slot_count && grow_table(ids) != 0)
        return -1;
    if (aw_buffer_append(&ids->names, name, len) != 0 || aw_buffer_append_char(&ids->names, '\0') != 0)
        return -1;
    slot = find_slot(ids, name, len);
    ids->slots[slot] = offset + 1;
    ids->next[slot] = 1;
    ids->used++;
    return 0;
}

int aw_heading_ids_reserve(aw_heading_ids *ids, const char *id)
{
    size_t len = strlen(id);
    return contains(ids, id, len) ? 0 : insert(ids, id, len);
}

int aw_heading_ids_prefix_valid(const char *prefix)
{
    size_t i;

    for (i = 0; prefix != NULL && prefix[i] != '\0'; i++) {
        char ch = prefix[i];
        if (i >= AW_ID_PREFIX_MAX
            || !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-' || ch == '_'))
            return 0;
    }
    return 1;
}

enum { KEEP, SEPARATE, DROP };

/* What a non-ASCII character does in a slug (heading_ids.h). The format
 * characters are Unicode's category Cf, the separators Zs, Zl and Zp. */
static int classify(uint32_t cp)
{
    if (cp < 0xA0 || cp == 0xAD || (cp >= 0x600 && cp <= 0x605) || cp == 0x61C || cp == 0x6DD || cp == 0x70F
        || cp == 0x8E2 || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0x110BD
        || cp == 0x110CD || (cp >= 0x13430 && cp <= 0x1343F) || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
        || (cp >= 0x1D173 && cp <= 0x1D17A) || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F))
        return DROP; /* C1 controls and format characters: invisible */
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
        || cp == 0x202F || cp == 0x205F || cp == 0x3000 || (cp >= 0x2010 && cp <= 0x2015))
        return SEPARATE; /* spaces, line and paragraph separators, dashes */
    if (cp >= 0x2016 && cp <= 0x205E)
        return DROP; /* the rest of General Punctuation */
    return KEEP;
}

/* The code point starting at text[0] and its length in bytes (the text is
 * valid UTF-8; a stray byte counts as one character, kept). */
static uint32_t decode(const char *text, size_t size, size_t *len)
{
    unsigned char lead = (unsigned char)text[0];
    size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    uint32_t cp = n == 1 ? lead : lead & (0x3F >> (n - 1));
    size_t i;

    if (n > size)
        n = 1;
    for (i = 1; i < n; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | ((unsigned char)text[i] & 0x3F);
    }
    *len = n;
    return n == 1 && lead >= 0x80 ? 0xFFFD : cp;
}

/* Writes the slug of `text` into `slug` (at most MAX_ID_BYTES) and returns
 * its length. A multi-byte character is never cut. */
static size_t slugify(const char *text, size_t size, char *slug)
{
    size_t len = 0, i = 0;
    int pending_dash = 0;

    while (i < size) {
        unsigned char ch = (unsigned char)text[i];
        size_t char_len = 1;
        int what = KEEP;

        if (ch >= 0x80)
            what = classify(decode(text + i, size - i, &char_len));
        else if (ch == ' ' || ch == '-' || ch == '_' || ch == '\t' || ch == '\n')
            what = SEPARATE;
        else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
            what = DROP; /* ASCII punctuation and controls */
        if (what != KEEP) {
            if (what == SEPARATE)
                pending_dash = len > 0;
            i += char_len;
            continue;
        }
        if (len + pending_dash + char_len > MAX_ID_BYTES)
            break;
        if (pending_dash)
            slug[len++] = '-';
        pending_dash = 0;
        if (ch >= 'A' && ch <= 'Z')
            slug[len++] = (char)(ch - 'A' + 'a');
        else {
            memcpy(slug + len, text + i, char_len);
            len += char_len;
        }
        i += char_len;
    }
    return len;
}

int aw_heading_ids_make(aw_heading_ids *ids, const char *prefix, const char *text, size_t size, aw_buffer *out)
{
    char base[AW_ID_PREFIX_MAX + MAX_ID_BYTES + 1];
    char candidate[AW_ID_PREFIX_MAX + MAX_ID_BYTES + 16];
    size_t prefix_len = prefix ? strlen(prefix) : 0;
    size_t base_len, slot;
    unsigned n;
    int len;

    if (prefix_len > AW_ID_PREFIX_MAX)
        return -1; /* aw_heading_ids_prefix_valid() says which prefixes work */
    if (prefix_len > 0)
        memcpy(base, prefix, prefix_len);
    base_len = prefix_len + slugify(text, size, base + prefix_len);
    if (base_len == prefix_len) {
        memcpy(base + prefix_len, "section", 7);
        base_len += 7;
    }
    base[base_len] = '\0';
    if (!contains(ids, base, base_len)) {
        if (insert(ids, base, base_len) != 0)
            return -1;
        return aw_buffer_append(out, base, base_len);
    }

    /* The base remembers the next suffix to try, so a thousand headings
     * with the same text do not each scan the thousand before them. */
    slot = find_slot(ids, base, base_len);
    n = ids->next[slot];
    do {
        len = aw_snprintf(candidate, (int)sizeof(candidate), "%s-%u", base, n++);
    } while (contains(ids, candidate, (size_t)len));
    ids->next[find_slot(ids, base, base_len)] = n;
    if (insert(ids, candidate, (size_t)len) != 0)
        return -1;
    return aw_buffer_append(out, candidate, (size_t)len);
}
