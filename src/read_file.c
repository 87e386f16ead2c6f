/* lstat, O_NOFOLLOW and O_CLOEXEC are POSIX.1-2008 (the build is strict C11). */
#define _POSIX_C_SOURCE 200809L

#include "read_file.h"

#include "printable.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    aw_buffer shown;
    int failed_memory;

    errno = 0;
    if (aw_read_file(path, out) == 0)
        return 0;
    failed_memory = out->failed;
    aw_buffer_init(&shown);
    aw_printable_append(&shown, path, strlen(path));
    fprintf(stderr, "%.*s: %s\n", (int)shown.len, shown.data ? shown.data : "",
            failed_memory ? "out of memory" : errno ? strerror(errno) : "cannot read the file");
    aw_buffer_free(&shown);
    return -1;
}

const char *aw_file_kind_name(aw_file_kind kind)
{
    static const char *const names[] = { "a regular file", "a symbolic link", "a folder", "a FIFO",
                                         "a device", "a socket", "not a file" };

    return names[kind <= AW_FILE_OTHER ? kind : AW_FILE_OTHER];
}

static aw_file_kind kind_of(mode_t mode)
{
    if (S_ISREG(mode))
        return AW_FILE_REGULAR;
    if (S_ISLNK(mode))
        return AW_FILE_LINK;
    if (S_ISDIR(mode))
        return AW_FILE_FOLDER;
    if (S_ISFIFO(mode))
        return AW_FILE_FIFO;
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return AW_FILE_DEVICE;
    if (S_ISSOCK(mode))
        return AW_FILE_SOCKET;
    return AW_FILE_OTHER;
}

static void describe(const struct stat *st, aw_file_info *info)
{
    info->kind = kind_of(st->st_mode);
    info->size = st->st_size <= 0 ? 0 : (unsigned long long)st->st_size > SIZE_MAX ? SIZE_MAX : (size_t)st->st_size;
}

int aw_file_probe(const char *path, aw_file_info *info)
{
    struct stat st;

    if (lstat(path, &st) != 0)
        return -1;
    describe(&st, info);
    return 0;
}

/* Appends what `fd` holds, at most `limit` + 1 bytes whatever the file
 * does meanwhile: AW_READ_TOO_LARGE when that one more byte is there. */
static int read_at_most(int fd, size_t limit, aw_buffer *out, aw_file_info *info)
{
    char chunk[65536];
    size_t left = limit + 1;

    while (left > 0) {
        ssize_t got = read(fd, chunk, left < sizeof(chunk) ? left : sizeof(chunk));

        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 || (got > 0 && aw_buffer_append(out, chunk, (size_t)got) != 0))
            return -1;
        if (got == 0)
            return 0;
        left -= (size_t)got;
    }
    info->size = limit + 1;
    return AW_READ_TOO_LARGE;
}

int aw_read_regular_file(const char *path, size_t limit, aw_buffer *out, aw_file_info *info)
{
    struct stat st;
    int fd, status, saved;

    fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ELOOP)
            return -1;
        info->kind = AW_FILE_LINK; /* O_NOFOLLOW's answer for a final link */
        info->size = 0;
        return AW_READ_NOT_REGULAR;
    }
    if (fstat(fd, &st) != 0) {
        status = -1;
    } else {
        describe(&st, info);
        if (info->kind != AW_FILE_REGULAR)
            status = AW_READ_NOT_REGULAR;
        else if (info->size > limit)
            status = AW_READ_TOO_LARGE;
        else
            status = read_at_most(fd, limit, out, info);
    }
    saved = errno;
    close(fd);
    errno = saved;
    return status;
}
