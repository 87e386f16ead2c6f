#include "markdown_html.h"

#include "char_refs.h"
#include "errors.h"
#include "escape.h"
#include "markdown_flags.h"
#include "run_breaks.h"
#include "url_policy.h"
#include "utf8.h"

#include <md4c.h>
#include <stdint.h>
#include <string.h>

static const char replacement_char[] = "\xEF\xBF\xBD";
static const char *const link_target_names[] = AW_LINK_TARGET_NAMES;

typedef struct renderer {
    aw_buffer *out;
    size_t out_limit;        /* out->len may not pass this (AW_MAX_OUTPUT_SIZE) */
    aw_heading_ids *ids;
    const char *id_prefix;   /* NULL: none */
    const char *link_target; /* the target of links to other sites; NULL: none */
    unsigned heading_offset;
    aw_buffer attr;          /* an attribute value with its references decoded */
    aw_buffer heading_text;  /* plain text of the open heading, for its id */
    aw_buffer heading_plain; /* the same for facts.h: references decoded as far as known */
    size_t heading_id_at;    /* where in `out` the open heading's id goes */
    int in_heading;
    int image_depth;         /* > 0: inside an image's alt text */
    int image_refused;       /* the open image's src was refused */
    int image_external;      /* the open image's src names a host */
    int link_refused;        /* the open link's href was refused */
    aw_facts *facts;         /* NULL: not collecting */
    int in_word;             /* the last text byte counted was not a space */
    aw_run_breaks runs;      /* the text's run without a break opportunity (run_breaks.h) */
} renderer;

/* What a callback returns: non-zero makes md_parse stop at once. */
static int callback_status(const renderer *r)
{
    if (r->out->failed)
        return AW_ERR_NOMEM;
    return r->out->len > r->out_limit ? AW_ERR_OUTPUT_TOO_LARGE : 0;
}

/* ===== Text ===== */

/* Whether text is written as an attribute (an image's alt text) rather
 * than as text of the page: no long-run span there. */
static int in_attribute(const renderer *r)
{
    return r->image_depth > 0 && !r->image_refused;
}

/* Appends escaped text, long runs in their span where it is text. */
static void write_escaped(renderer *r, const char *text, size_t size)
{
    if (in_attribute(r))
        aw_escape_html(r->out, text, size);
    else
        aw_run_breaks_escape_html(r->out, &r->runs, text, size);
}

/* Writes one text run in the form its context needs. */
static void render_text(renderer *r, MD_TEXTTYPE type, const char *text, size_t size)
{
    aw_buffer *out = r->out;

    switch (type) {
    case MD_TEXT_NULLCHAR:
        if (!in_attribute(r))
            aw_run_breaks_before(out, &r->runs, 0xFFFD);
        aw_buffer_append(out, replacement_char, 3);
        break;
    case MD_TEXT_BR:
        aw_run_breaks_close(out, &r->runs, 1);
        aw_buffer_append_str(out, r->image_depth ? " " : "<br>\n");
        break;
    case MD_TEXT_SOFTBR:
        aw_run_breaks_close(out, &r->runs, 1);
        aw_buffer_append_str(out, r->image_depth ? " " : "\n");
        break;
    case MD_TEXT_ENTITY: {
        /* Numeric references are decoded here; a named one goes through for
         * the browser to decode (char_refs.h). As text it can only ever be
         * text, whatever it names. */
        size_t mark = r->attr.len;
        if (aw_char_ref_decode_numeric(&r->attr, text, size) == 0) {
            write_escaped(r, r->attr.data + mark, r->attr.len - mark);
        } else if (aw_char_ref_named_length(text, size) == size) {
            if (!in_attribute(r))
                aw_run_breaks_before(out, &r->runs, 0); /* one character, unknown here */
            aw_buffer_append(out, text, size);
        } else {
            write_escaped(r, text, size);
        }
        aw_buffer_truncate(&r->attr, mark);
        break;
    }
    default: /* NORMAL, CODE, HTML (shown as text), LATEXMATH */
        write_escaped(r, text, size);
        break;
    }
}

/* Counts the words that start in a text run; a word may continue across
 * runs (e.g. "un*usual*"), so `in_word` carries over until a block ends. */
static void count_words(renderer *r, MD_TEXTTYPE type, const char *text, size_t size)
{
    size_t i;

    if (r->image_depth > 0)
        return;
    if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR) {
        r->in_word = 0;
        return;
    }
    for (i = 0; i < size; i++) {
        int space = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        if (!space && !r->in_word)
            r->facts->words++;
        r->in_word = !space;
    }
}

/* Keeps the plain text of a heading for its id. */
static void collect_heading_text(renderer *r, MD_TEXTTYPE type, const char *text, size_t size)
{
    if (type == MD_TEXT_ENTITY) {
        if (aw_char_ref_decode_numeric(&r->heading_text, text, size) == 1)
            aw_char_ref_id_text(&r->heading_text, text, size);
        if (r->facts != NULL)
            aw_char_ref_plain_text(&r->heading_plain, text, size);
        return;
    }
    if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR) {
        text = " ";
        size = 1;
    } else if (type == MD_TEXT_NULLCHAR) {
        return;
    }
    aw_buffer_append(&r->heading_text, text, size);
    if (r->facts != NULL)
        aw_buffer_append(&r->heading_plain, text, size);
}

/* ===== Attributes ===== */

/* Decodes an md4c attribute into r->attr (replacing what was there):
 * numeric references decoded, named ones kept behind their mark
 * (char_refs.h) for the decisions that must not guess what they stand for. */
static void decode_attribute(renderer *r, const MD_ATTRIBUTE *attr)
{
    unsigned i;

    aw_buffer_truncate(&r->attr, 0);
    for (i = 0; attr->substr_offsets[i] < attr->size; i++) {
        const char *part = attr->text + attr->substr_offsets[i];
        size_t size = attr->substr_offsets[i + 1] - attr->substr_offsets[i];

        if (attr->substr_types[i] == MD_TEXT_NULLCHAR) {
            aw_buffer_append(&r->attr, replacement_char, 3);
        } else if (attr->substr_types[i] != MD_TEXT_ENTITY || aw_char_ref_decode_numeric(&r->attr, part, size) == 1) {
            if (attr->substr_types[i] == MD_TEXT_ENTITY && aw_char_ref_named_length(part, size) == size) {
                aw_buffer_append_char(&r->attr, AW_NAMED_REF_MARK);
                part++;
                size--;
            }
            aw_buffer_append(&r->attr, part, size);
        }
    }
}

static void render_title_attribute(renderer *r, const MD_ATTRIBUTE *title)
{
    if (title->text == NULL)
        return;
    decode_attribute(r, title);
    aw_buffer_append_str(r->out, " title=\"");
    aw_escape_html(r->out, r->attr.data, r->attr.len);
    aw_buffer_append_char(r->out, '"');
}

/* ===== Blocks ===== */

static void open_heading(renderer *r, unsigned level)
{
    unsigned shifted = level + r->heading_offset;

    aw_buffer_appendf(r->out, "<h%u", shifted > 6 ? 6 : shifted);
    /* The id is known only when the heading's text has been seen. */
    r->heading_id_at = r->out->len;
    aw_buffer_truncate(&r->heading_text, 0);
    aw_buffer_truncate(&r->heading_plain, 0);
    r->in_heading = 1;
    aw_buffer_append_char(r->out, '>');
}

static void close_heading(renderer *r, unsigned level)
{
    static const char id_open[] = " id=\"";
    unsigned shifted = level + r->heading_offset;
    aw_buffer id;

    if (shifted > 6)
        shifted = 6;
    aw_buffer_init(&id);
    aw_buffer_append_str(&id, id_open);
    if (aw_heading_ids_make(r->ids, r->id_prefix, r->heading_text.data, r->heading_text.len, &id) != 0)
        aw_buffer_fail(&id);
    aw_buffer_append_char(&id, '"'); /* ids hold no ASCII but letters, digits, '-' and '_': nothing to escape */
    aw_buffer_insert_buffer(r->out, r->heading_id_at, &id);
    if (r->facts != NULL && !id.failed
        && aw_facts_add_heading(r->facts, shifted, id.data + sizeof(id_open) - 1, id.len - sizeof(id_open),
                                r->heading_plain.data, r->heading_plain.len) != 0)
        aw_buffer_fail(r->out);
    aw_buffer_free(&id);
    r->in_heading = 0;
    aw_buffer_appendf(r->out, "</h%u>\n", shifted);
}

/* What splits a class attribute into tokens (the HTML standard's ASCII
 * whitespace). */
static int is_class_separator(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r';
}

/* Of the HTML standard's named references -- a list it has fixed for
 * good -- only &Tab; and &NewLine; stand for ASCII whitespace. */
static int is_class_separator_ref(const char *text, size_t size)
{
    size_t n = aw_char_ref_named_length(text, size);
    return (n == 5 && memcmp(text + 1, "Tab", 3) == 0) || (n == 9 && memcmp(text + 1, "NewLine", 7) == 0);
}

/* The class is "language-" and one token. md4c cuts the info string's
 * first word before references are decoded, so "js&#32;aw-title" arrives
 * whole: the token ends where the decoded text would split the class (a
 * named reference goes through, unless it is one of the two that would),
 * and the rest is dropped (it could name the widget's own classes). */
static void open_code_block(renderer *r, const MD_BLOCK_CODE_DETAIL *detail)
{
    size_t len = 0;

    aw_buffer_append_str(r->out, "<pre><code");
    if (detail->lang.text != NULL) {
        decode_attribute(r, &detail->lang);
        while (len < r->attr.len && !is_class_separator(r->attr.data[len])
               && !is_class_separator_ref(r->attr.data + len, r->attr.len - len))
            len++;
    }
    if (len > 0) {
        aw_buffer_append_str(r->out, " class=\"language-");
        aw_escape_html(r->out, r->attr.data, len);
        aw_buffer_append_char(r->out, '"');
    }
    aw_buffer_append_char(r->out, '>');
}

static void open_list_item(renderer *r, const MD_BLOCK_LI_DETAIL *detail)
{
    if (!detail->is_task) {
        aw_buffer_append_str(r->out, "<li>");
        return;
    }
    aw_buffer_append_str(r->out, "<li class=\"task-list-item\">"
                                 "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled");
    if (detail->task_mark == 'x' || detail->task_mark == 'X')
        aw_buffer_append_str(r->out, " checked");
    aw_buffer_append_char(r->out, '>');
}

static void open_table_cell(renderer *r, const char *tag, const MD_BLOCK_TD_DETAIL *detail)
{
    static const char *const align[] = { "", " align=\"left\"", " align=\"center\"", " align=\"right\"" };
    unsigned a = (unsigned)detail->align;

    aw_buffer_append_char(r->out, '<');
    aw_buffer_append_str(r->out, tag);
    aw_buffer_append_str(r->out, a < 4 ? align[a] : "");
    aw_buffer_append_char(r->out, '>');
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    renderer *r = userdata;
    aw_buffer *out = r->out;

    r->in_word = 0; /* text before a nested block (a tight list) ends there */
    aw_run_breaks_close(out, &r->runs, 1);
    switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: aw_buffer_append_str(out, "<blockquote>\n"); break;
    case MD_BLOCK_UL: aw_buffer_append_str(out, "<ul>\n"); break;
    case MD_BLOCK_OL: {
        unsigned start = ((const MD_BLOCK_OL_DETAIL *)detail)->start;
        if (start == 1)
            aw_buffer_append_str(out, "<ol>\n");
        else
            aw_buffer_appendf(out, "<ol start=\"%u\">\n", start);
        break;
    }
    case MD_BLOCK_LI: open_list_item(r, detail); break;
    case MD_BLOCK_HR: aw_buffer_append_str(out, "<hr>\n"); break;
    case MD_BLOCK_H: open_heading(r, ((const MD_BLOCK_H_DETAIL *)detail)->level); break;
    case MD_BLOCK_CODE: open_code_block(r, detail); break;
    case MD_BLOCK_HTML: break; /* not produced under MD_FLAG_NOHTML; its text is escaped anyway */
    case MD_BLOCK_P: aw_buffer_append_str(out, "<p>"); break;
    case MD_BLOCK_TABLE: aw_buffer_append_str(out, "<table>\n"); break;
    case MD_BLOCK_THEAD: aw_buffer_append_str(out, "<thead>\n"); break;
    case MD_BLOCK_TBODY: aw_buffer_append_str(out, "<tbody>\n"); break;
    case MD_BLOCK_TR: aw_buffer_append_str(out, "<tr>\n"); break;
    case MD_BLOCK_TH: open_table_cell(r, "th", detail); break;
    case MD_BLOCK_TD: open_table_cell(r, "td", detail); break;
    }
    return callback_status(r);
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    renderer *r = userdata;
    aw_buffer *out = r->out;

    r->in_word = 0; /* a block's end ends its last word */
    aw_run_breaks_close(out, &r->runs, 1);
    switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: aw_buffer_append_str(out, "</blockquote>\n"); break;
    case MD_BLOCK_UL: aw_buffer_append_str(out, "</ul>\n"); break;
    case MD_BLOCK_OL: aw_buffer_append_str(out, "</ol>\n"); break;
    case MD_BLOCK_LI: aw_buffer_append_str(out, "</li>\n"); break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H: close_heading(r, ((const MD_BLOCK_H_DETAIL *)detail)->level); break;
    case MD_BLOCK_CODE: aw_buffer_append_str(out, "</code></pre>\n"); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P: aw_buffer_append_str(out, "</p>\n"); break;
    case MD_BLOCK_TABLE: aw_buffer_append_str(out, "</table>\n"); break;
    case MD_BLOCK_THEAD: aw_buffer_append_str(out, "</thead>\n"); break;
    case MD_BLOCK_TBODY: aw_buffer_append_str(out, "</tbody>\n"); break;
    case MD_BLOCK_TR: aw_buffer_append_str(out, "</tr>\n"); break;
    case MD_BLOCK_TH: aw_buffer_append_str(out, "</th>\n"); break;
    case MD_BLOCK_TD: aw_buffer_append_str(out, "</td>\n"); break;
    }
    return callback_status(r);
}

/* ===== Spans ===== */

/* Writes `prefix` and the URL in r->attr, or nothing when the URL is
 * refused. Returns the URL's kind. */
static aw_url_kind write_url(renderer *r, const char *prefix, aw_url_use use)
{
    size_t mark = r->out->len;
    aw_url_kind kind;

    aw_buffer_append_str(r->out, prefix);
    kind = aw_url_write(r->out, r->attr.data, r->attr.len, use);
    if (kind == AW_URL_REFUSED)
        aw_buffer_truncate(r->out, mark);
    return kind;
}

static void open_link(renderer *r, const MD_SPAN_A_DETAIL *detail)
{
    aw_url_kind kind;

    decode_attribute(r, &detail->href);
    kind = write_url(r, "<a href=\"", AW_URL_FOR_LINK);
    r->link_refused = kind == AW_URL_REFUSED;
    if (r->link_refused)
        return;
    aw_buffer_append_char(r->out, '"');
    render_title_attribute(r, &detail->title);
    if (kind == AW_URL_EXTERNAL) {
        aw_buffer_append_str(r->out, " rel=\"noopener noreferrer\"");
        if (r->link_target != NULL)
            aw_buffer_appendf(r->out, " target=\"%s\"", r->link_target);
    }
    aw_buffer_append_char(r->out, '>');
}

static void open_image(renderer *r, const MD_SPAN_IMG_DETAIL *detail)
{
    aw_url_kind kind;

    decode_attribute(r, &detail->src);
    kind = write_url(r, "<img src=\"", AW_URL_FOR_IMAGE);
    r->image_refused = kind == AW_URL_REFUSED;
    r->image_external = kind == AW_URL_EXTERNAL;
    if (r->image_refused)
        return; /* the alt text that follows is written as plain text */
    aw_buffer_append_str(r->out, "\" alt=\"");
}

static void close_image(renderer *r, const MD_SPAN_IMG_DETAIL *detail)
{
    if (r->image_refused)
        return;
    aw_buffer_append_char(r->out, '"');
    render_title_attribute(r, &detail->title);
    aw_buffer_append_str(r->out, " loading=\"lazy\"");
    /* An image from another site is fetched without telling it which page
     * the reader is on, as links to other sites are followed (noreferrer). */
    if (r->image_external)
        aw_buffer_append_str(r->out, " referrerpolicy=\"no-referrer\"");
    aw_buffer_append_char(r->out, '>');
}

static int enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    renderer *r = userdata;
    aw_buffer *out = r->out;

    /* Inside an image only the alt text's plain text is written. */
    if (r->image_depth > 0) {
        if (type == MD_SPAN_IMG)
            r->image_depth++;
        return 0;
    }
    aw_run_breaks_close(out, &r->runs, 0); /* a run may go on inside, in a span of its own */
    switch (type) {
    case MD_SPAN_EM: aw_buffer_append_str(out, "<em>"); break;
    case MD_SPAN_STRONG: aw_buffer_append_str(out, "<strong>"); break;
    case MD_SPAN_A: open_link(r, detail); break;
    case MD_SPAN_IMG:
        r->image_depth = 1;
        open_image(r, detail);
        break;
    case MD_SPAN_CODE: aw_buffer_append_str(out, "<code>"); break;
    case MD_SPAN_DEL: aw_buffer_append_str(out, "<del>"); break;
    default: break; /* extensions we do not enable */
    }
    return callback_status(r);
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    renderer *r = userdata;
    aw_buffer *out = r->out;

    if (r->image_depth > 0) {
        if (type == MD_SPAN_IMG && --r->image_depth == 0)
            close_image(r, detail);
        return callback_status(r);
    }
    aw_run_breaks_close(out, &r->runs, 0);
    switch (type) {
    case MD_SPAN_EM: aw_buffer_append_str(out, "</em>"); break;
    case MD_SPAN_STRONG: aw_buffer_append_str(out, "</strong>"); break;
    case MD_SPAN_A:
        if (!r->link_refused)
            aw_buffer_append_str(out, "</a>");
        r->link_refused = 0;
        break;
    case MD_SPAN_CODE: aw_buffer_append_str(out, "</code>"); break;
    case MD_SPAN_DEL: aw_buffer_append_str(out, "</del>"); break;
    default: break;
    }
    return callback_status(r);
}

static int text_callback(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    renderer *r = userdata;

    if (r->in_heading)
        collect_heading_text(r, type, text, size);
    if (r->facts != NULL)
        count_words(r, type, text, size);
    render_text(r, type, text, size);
    return r->heading_text.failed || r->heading_plain.failed || r->attr.failed ? AW_ERR_NOMEM : callback_status(r);
}

/* ===== Entry point ===== */

int aw_markdown_to_html(aw_buffer *out, const char *markdown, size_t size,
                        const aw_markdown_options *options)
{
    static const MD_PARSER parser = {
        0, AW_MARKDOWN_FLAGS, enter_block, leave_block, enter_span, leave_span, text_callback, NULL, NULL
    };
    renderer r;
    aw_buffer repaired;
    aw_heading_ids own_ids;
    size_t out_limit;
    int status;

    if (size > AW_MAX_INPUT_SIZE)
        return AW_ERR_TOO_LARGE;
    if (options && (!aw_heading_ids_prefix_valid(options->id_prefix) || !AW_LINK_TARGET_VALID(options->link_target)))
        return AW_ERR_ARGUMENT;
    /* The bound counts the input as given (before the repairs below). */
    out_limit = out->len > SIZE_MAX - AW_MAX_OUTPUT_SIZE(size) ? SIZE_MAX : out->len + AW_MAX_OUTPUT_SIZE(size);
    /* A byte-order mark is not content. */
    if (size >= 3 && memcmp(markdown, "\xEF\xBB\xBF", 3) == 0) {
        markdown += 3;
        size -= 3;
    }

    /* md4c passes bytes through; repairing first keeps the output valid UTF-8. */
    aw_buffer_init(&repaired);
    if (aw_utf8_valid_prefix(markdown, size) != size) {
        if (aw_utf8_append_repaired(&repaired, markdown, size) != 0)
            return AW_ERR_NOMEM;
        markdown = repaired.data;
        size = repaired.len;
    }

    memset(&r, 0, sizeof(r));
    r.out = out;
    r.out_limit = out_limit;
    aw_buffer_init(&r.attr);
    aw_buffer_init(&r.heading_text);
    aw_buffer_init(&r.heading_plain);
    aw_heading_ids_init(&own_ids);
    r.ids = options && options->ids ? options->ids : &own_ids;
    r.heading_offset = options ? options->heading_offset : 0;
    r.facts = options ? options->facts : NULL;
    r.id_prefix = options ? options->id_prefix : NULL;
    if (options && options->link_target != AW_LINK_TARGET_NONE)
        r.link_target = link_target_names[options->link_target];

    /* HTML is a little longer than its Markdown: reserve once, grow rarely. */
    aw_buffer_reserve(out, size + size / 8 + 64);
    status = md_parse(markdown, (MD_SIZE)size, &parser, &r);
    if (out->failed || r.attr.failed || r.heading_text.failed || r.heading_plain.failed)
        status = AW_ERR_NOMEM;
    else if (out->len > r.out_limit)
        status = AW_ERR_OUTPUT_TOO_LARGE;
    else if (status != 0)
        status = AW_ERR_PARSE; /* md4c's own failure: it could not allocate */

    aw_buffer_free(&r.attr);
    aw_buffer_free(&r.heading_text);
    aw_buffer_free(&r.heading_plain);
    aw_heading_ids_free(&own_ids);
    aw_buffer_free(&repaired);
    return status;
}
