#include "errors.h"

const char *aw_error_message(int status)
{
    switch (status) {
    case AW_OK: return "no error";
    case AW_ERR_NOMEM: return "out of memory";
    case AW_ERR_ARGUMENT: return "invalid argument";
    case AW_ERR_PARSE: return "the Markdown parser failed";
    case AW_ERR_TOO_LARGE: return "input is larger than 64 MiB";
    case AW_ERR_CONTENT: return "the content is malformed";
    default: return "unknown error";
    }
}
