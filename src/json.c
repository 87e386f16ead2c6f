#include "json.h"

int aw_json_append_string(aw_buffer *out, const char *text, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = text, *end;

    if (size == 0) /* `text` may then be NULL (an empty buffer's data) */
        return aw_buffer_append(out, "\"\"", 2);
    end = text + size;
    aw_buffer_append_char(out, '"');
    for (; text < end; text++) {
        unsigned char ch = (unsigned char)*text;
        if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != '<')
            continue;
        aw_buffer_append(out, run, (size_t)(text - run));
        if (ch == '"' || ch == '\\') {
            char esc[2] = { '\\', (char)ch };
            aw_buffer_append(out, esc, 2);
        } else {
            char esc[6] = { '\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15] };
            aw_buffer_append(out, esc, 6);
        }
        run = text + 1;
    }
    aw_buffer_append(out, run, (size_t)(end - run));
    return aw_buffer_append_char(out, '"');
}
