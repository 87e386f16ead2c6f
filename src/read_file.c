#include "read_file.h"

#include <errno.h>
#include <string.h>

int aw_read_stream(FILE *in, size_t size, aw_buffer *out)
{
    char chunk[65536];
    size_t left = size;

    while (left > 0) {
        size_t want = left < sizeof(chunk) ? left : sizeof(chunk);
        size_t got = fread(chunk, 1, want, in);

        if (aw_buffer_append(out, chunk, got) != 0)
            return -1;
        if (got < want) /* the end of the stream, or an error */
            return ferror(in) || size != AW_READ_ALL ? -1 : 0;
        if (size != AW_READ_ALL)
            left -= got;
    }
    return 0;
}

int aw_read_file(const char *path, aw_buffer *out)
{
    FILE *f = fopen(path, "rb");
    int status;

    if (f == NULL)
        return -1;
    status = aw_read_stream(f, AW_READ_ALL, out);
    fclose(f);
    return status;
}

int aw_read_file_or_report(const char *path, aw_buffer *out)
{
    errno = 0;
    if (aw_read_file(path, out) == 0)
        return 0;
    fprintf(stderr, "%s: %s\n", path, out->failed ? "out of memory" : errno ? strerror(errno) : "cannot read the file");
    return -1;
}
