#include "errors.h"

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

_Static_assert(AW_OUTPUT_RATIO == 32 && AW_OUTPUT_ALLOWANCE == 65536, "update the message of AW_ERR_OUTPUT_TOO_LARGE");

const char *aw_error_message(int status)
{
    switch (status) {
    case AW_OK: return "no error";
    case AW_ERR_NOMEM: return "out of memory";
    case AW_ERR_ARGUMENT: return "invalid argument";
    case AW_ERR_PARSE: return "the Markdown parser failed";
    case AW_ERR_TOO_LARGE: return "input is larger than " STRINGIFY(AW_MAX_INPUT_MIB) " MiB";
    case AW_ERR_OUTPUT_TOO_LARGE: return "the HTML would be larger than 32 times the input plus 64 KiB";
    case AW_ERR_CONTENT: return "the content is malformed";
    case AW_ERR_UNKNOWN_ARTICLE: return "unknown article";
    default: return "unknown error";
    }
}
