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

/* Writes the slug of `text` into `slug` (at most MAX_ID_BYTES) and returns
 * its length. Non-ASCII bytes are kept whole: a multi-byte character is
 * never cut. */
static size_t slugify(const char *text, size_t size, char *slug)
{
    size_t len = 0, i = 0;
    int pending_dash = 0;

    while (i < size) {
        unsigned char ch = (unsigned char)text[i];
        size_t char_len = 1;

        if (ch == ' ' || ch == '-' || ch == '_' || ch == '\t' || ch == '\n') {
            pending_dash = len > 0;
            i++;
            continue;
        }
        if (ch >= 0x80) {
            while (i + char_len < size && ((unsigned char)text[i + char_len] & 0xC0) == 0x80)
                char_len++;
        } else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
            i++;
            continue; /* ASCII punctuation and controls */
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

int aw_heading_ids_make(aw_heading_ids *ids, const char *text, size_t size, aw_buffer *out)
{
    char base[MAX_ID_BYTES + 1];
    char candidate[MAX_ID_BYTES + 16];
    size_t base_len = slugify(text, size, base);
    size_t slot;
    unsigned n;
    int len;

    if (base_len == 0) {
        memcpy(base, "section", 7);
        base_len = 7;
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
