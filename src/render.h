/* render.h: C renderers over a report document (docs/report-document.md), and the helpers
 * they share for walking the document tree.
 *
 * Each renderer takes the document (or, for CSV, one table block) at stack index 1 and returns
 * its output as a Lua string (XLSX writes a file: index 2 is the path).
 *
 * The helpers below never keep Lua values alive on their own: a `const char *` they return
 * points into a string held by the document table (valid while the document is unchanged and
 * on the stack), and every allocation lives in a userdata on the Lua stack (freed by __gc and
 * __close), so a luaL_error in the middle of a render leaks nothing. */
#ifndef CAIRN_RENDER_H
#define CAIRN_RENDER_H

#include <lua.h>
#include <stddef.h>

int render_text(lua_State *L);     /* render_text.c */
int render_markdown(lua_State *L); /* render_md.c */
int render_csv(lua_State *L);      /* render_csv.c */
int render_json(lua_State *L);     /* render_json.c */
int render_html(lua_State *L);     /* render_html.c (charts in render_svg.c) */
int render_xlsx(lua_State *L);     /* render_xlsx.c */

/* ---- output buffer ---------------------------------------------------------------------- */

/* A growable byte buffer owned by a userdata on the Lua stack. rb_new pushes that userdata:
 * keep it on the stack until rb_push (or until the function returns; it is freed then by the
 * garbage collector, or at once by lua_closeslot if you marked it to-be-closed). Out of memory
 * raises a Lua error. */
typedef struct rbuf {
    lua_State *L;
    char *data;
    size_t len, cap;
} rbuf;

rbuf *rb_new(lua_State *L);
void rb_add(rbuf *b, const char *s, size_t len);
void rb_adds(rbuf *b, const char *s); /* NUL-terminated */
void rb_addc(rbuf *b, char c);
void rb_addrep(rbuf *b, char c, size_t n); /* c, n times */
void rb_addf(rbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void rb_push(rbuf *b);  /* push the contents as a Lua string (the buffer stays usable) */
void rb_reset(rbuf *b); /* len = 0 */

/* ---- reading fields ----------------------------------------------------------------------- */

/* t[field] when it is a string (not a number), else NULL. LEN may be NULL. */
const char *rd_str(lua_State *L, int t, const char *field, size_t *len);
/* t[field] as a string; numbers are converted (integers without ".0") into BUF. NULL if absent. */
const char *rd_text(lua_State *L, int t, const char *field, char *buf, size_t bufsize,
                    size_t *len);
lua_Integer rd_int(lua_State *L, int t, const char *field, lua_Integer def);
double rd_num(lua_State *L, int t, const char *field, double def, int *present);
int rd_bool(lua_State *L, int t, const char *field); /* Lua truthiness of t[field] */
/* #t[field] when it is a table (raw length), else 0. */
size_t rd_len(lua_State *L, int t, const char *field);
/* Push t[field][i] (1-based) and return its Lua type; pushes nil when absent. */
int rd_push_item(lua_State *L, int t, const char *field, lua_Integer i);

/* ---- blocks ------------------------------------------------------------------------------- */

typedef enum {
    RD_UNKNOWN = 0,
    RD_SECTION,
    RD_PARAGRAPH,
    RD_KEYVALUE,
    RD_TABLE,
    RD_LIST,
    RD_CALLOUT,
    RD_PAGEBREAK,
    RD_CHART
} rd_block_type;

/* The type of the block table at index T. */
rd_block_type rd_block(lua_State *L, int t);

typedef enum {
    RD_CHART_UNKNOWN = 0,
    RD_CHART_BAR,
    RD_CHART_LIKERT,
    RD_CHART_STATUS,
    RD_CHART_PROGRESS,
    RD_CHART_TIMELINE,
    RD_CHART_FISHBONE,
    RD_CHART_LOGIC_MODEL,
    RD_CHART_ORG_CHART
} rd_chart_kind;

/* The kind of the chart block at index T. */
rd_chart_kind rd_chart(lua_State *L, int t);

/* ---- table columns and cells --------------------------------------------------------------- */

typedef enum { RD_LEFT = 0, RD_RIGHT, RD_CENTER } rd_align;
typedef enum {
    RD_FMT_TEXT = 0,
    RD_FMT_INTEGER,
    RD_FMT_NUMBER,
    RD_FMT_PERCENT,
    RD_FMT_MONEY,
    RD_FMT_DATE
} rd_format;

typedef struct {
    const char *id;       /* key in each row */
    const char *label;    /* header text (the id when no label) */
    const char *currency; /* money prefix, e.g. "$" ("" when none) */
    rd_align align;       /* given, else right for numeric formats, left otherwise */
    rd_format format;
    int decimals; /* given, else 0 integer, 1 number/percent, 2 money */
    /* words shown for true/false cells and for a suppressed cell without a reason: the
     * built-in theme's labels (yes, no, suppressed), or the document's via rd_col_words */
    const char *yes, *no, *suppressed;
} rd_col;

/* Read the columns of the table block at index T into an array that lives in a userdata pushed
 * on the stack (pop it when done with the columns). *N gets the count. Columns without an id
 * are skipped. */
rd_col *rd_columns(lua_State *L, int t, int *n);

typedef enum {
    RD_CELL_EMPTY = 0,  /* nil or absent: show nothing */
    RD_CELL_TEXT,       /* a string (for format "date", an ISO date) */
    RD_CELL_NUMBER,     /* a number: .number is the raw value (a fraction for percent) */
    RD_CELL_BOOL,       /* true/false: .number is 1 or 0 */
    RD_CELL_SUPPRESSED  /* privacy-suppressed: no value; .text is the reason */
} rd_cell_kind;

typedef struct {
    rd_cell_kind kind;
    double number;
    int is_integer;  /* the number was a Lua integer */
    long long integer; /* that integer, exactly (a double loses digits past 2^53) */
    int has_display; /* text came from a cell's `display` */
    const char *text; /* what people see: formatted number, the string, display, or reason */
    size_t len;
    char buf[96];
} rd_cell;

/* Read ROW[COL->id] (ROW: index of a row table, or 0 for "no row") and format it for people by
 * the column's format (numfmt.h rounding). A { value =, display = } cell shows display;
 * { suppressed = true, reason = } yields RD_CELL_SUPPRESSED with the reason ("suppressed" when
 * none). cell->text is never NULL. */
void rd_cell_read(lua_State *L, int row, const rd_col *col, rd_cell *cell);

/* Give N columns the words a district chose (labels yes, no, suppressed; NULL keeps the
 * built-in theme's), so cells never show words the theme did not ask for. */
void rd_col_words(rd_col *cols, int n, const char *yes, const char *no, const char *suppressed);

/* Format number X by column COL into BUF (e.g. 0.4 percent -> "40%", money -> "$1,234.50"). */
int rd_format_number(char *buf, size_t size, double x, int is_integer, const rd_col *col);

/* ---- text ------------------------------------------------------------------------------------ */

/* Decode the UTF-8 character at S (N > 0 bytes left) into *CP; returns its byte length. An
 * invalid, overlong, surrogate or truncated sequence gives 1 byte and U+FFFD. */
size_t rd_utf8_next(const char *s, size_t n, unsigned *cp);

/* Display width in terminal columns of UTF-8 text (wide East Asian characters count 2,
 * combining marks 0, invalid bytes 1). */
size_t rd_width(const char *s, size_t len);

/* Shortest decimal text that reads back as exactly X (JSON, CSV numbers); integers without
 * exponent or ".0". NaN and infinities give "null". Returns the length. */
int rd_number_exact(char *buf, size_t size, double x);

/* ---- shared pieces of output ----------------------------------------------------------------- */

/* ---- HTML and XML text ------------------------------------------------------------------- */

/* Append S escaped for HTML/XML text and attribute values (& < > " '). Invalid UTF-8 becomes
 * U+FFFD and control characters other than tab and newline are dropped, so the result is
 * always well-formed. */
void rd_html_esc(rbuf *b, const char *s, size_t len);
void rd_html_escs(rbuf *b, const char *s);

/* ---- the theme (lua/cairn/theme.lua): the only source of colours, fonts, CSS and words ------ */

/* Push the built-in theme table (lua/cairn/theme.lua in the data folder). It is read on the
 * first call in a Lua state and kept in the registry, so a command that renders nothing never
 * loads it. Raises a Lua error when the file cannot be loaded. */
void rd_theme_builtin(lua_State *L);

/* A string of the theme: doc.theme[GROUP][KEY] (doc.theme[KEY] when GROUP is NULL) when
 * VALID accepts it (VALID NULL: any string), else the built-in theme's; NULL when neither has
 * one. DOC is the document's stack index (0: the built-in theme only). The string lives in
 * the document or in the registry. */
const char *rd_theme_str(lua_State *L, int doc, const char *group, const char *key,
                         int (*valid)(const char *));
/* Item I of the list doc.theme[GROUP][LIST] (e.g. colors.palette), with the same fallback. */
const char *rd_theme_item(lua_State *L, int doc, const char *group, const char *list,
                          lua_Integer i, int (*valid)(const char *));
/* Length of doc.theme[GROUP][LIST], else of the built-in theme's list (0 when neither). */
size_t rd_theme_len(lua_State *L, int doc, const char *group, const char *list);

/* A word renderers print around content ("as_of", "total", "note", ...): doc.labels[KEY]
 * (cairn.report copies them from the theme), else doc.theme.labels[KEY], else the built-in
 * theme's, else KEY itself. DOC may be 0 (the built-in theme only). Never NULL. */
const char *rd_label(lua_State *L, int doc, const char *key);

/* May a link in a report go to URL (LEN bytes)? Web, mail and phone links and relative ones
 * (no scheme, or "/", "?", "#" before any ":") may; javascript:, vbscript:, data:, file:, and
 * anything not understood may not. Tabs and newlines inside the scheme are ignored, as
 * browsers do. Used by the HTML renderer (cmark's links) and the Markdown one (author text). */
int rd_safe_url(const char *url, size_t len);

/* The value of the keyvalue item at ITEM as people read it: a string as it is, a number as
 * text (into BUF), a boolean as doc.labels.yes/no. NULL (and *LEN 0) when there is none.
 * *IS_NUMBER (may be NULL) tells whether it was a number. */
const char *rd_kv_value(lua_State *L, int doc, int item, char *buf, size_t size, size_t *len,
                        int *is_number);

/* The document's "District · period P · as of D" line (district left out when it is the
 * subtitle; words from doc.labels), appended to OUT as plain text; nothing when none is set. */
void rd_meta_line(lua_State *L, int doc, rbuf *out);

/* ---- the one walk over the document --------------------------------------------------------- */

/* What a renderer does for each kind of block. rd_walk goes through the tree in order and calls
 * the member for each block, with the block's stack index and DEPTH (0 for blocks of the
 * document, 1 inside a top-level section, ...); it walks a section's blocks itself, between
 * section and section_end. A NULL member skips that kind. */
typedef struct rd_walker {
    void (*document)(void *ctx, int doc);     /* before the first block: title, facts */
    void (*document_end)(void *ctx, int doc); /* after the last */
    void (*section)(void *ctx, int blk, int depth);
    void (*section_end)(void *ctx, int blk, int depth);
    void (*paragraph)(void *ctx, int blk, int depth);
    void (*keyvalue)(void *ctx, int blk, int depth);
    void (*table)(void *ctx, int blk, int depth);
    void (*list)(void *ctx, int blk, int depth);
    void (*callout)(void *ctx, int blk, int depth);
    void (*pagebreak)(void *ctx, int blk, int depth);
    void (*chart)(void *ctx, int blk, int depth);
    /* 1: a block that is not a table, or of an unknown type, is an error naming it; 0: it is
     * skipped (a newer document on an older cairn still shows what it can) */
    int strict;
} rd_walker;

/* Walk the document at DOC: W->document, every block of DOC.blocks, W->document_end. */
void rd_walk(lua_State *L, int doc, const rd_walker *w, void *ctx);

/* What follows a keyvalue key: ":" unless the key already ends in ? ! : or . ("Done?" reads
 * "Done?", not "Done?:"). */
const char *rd_key_colon(const char *key, size_t len);

/* ---- Markdown (paragraph and callout text; cmark-gfm with tables, strikethrough, autolinks) --- */

struct cmark_parser;
struct cmark_node;
typedef struct rd_md {
    struct cmark_parser *parser;
    struct cmark_node *doc; /* the parsed tree: callers may edit it */
    char *out;              /* a rendering the caller asked cmark for (freed with the rest) */
} rd_md;

/* Parse Markdown S. The parser, tree and OUT live in a to-be-closed userdata pushed on the
 * stack: lua_pop it (or lua_closeslot) to free them at once; a Lua error frees them too. */
rd_md *rd_md_parse(lua_State *L, const char *s, size_t n);

/* Text bars for a bar or progress chart at index CHART, one line each, every line starting with
 * PREFIX and fitting WIDTH columns (render_text.c; Markdown puts them in a code block). Returns
 * 0 for other kinds (nothing written). */
int rd_chart_bars(lua_State *L, int chart, rbuf *b, int width, const char *prefix);

#endif
