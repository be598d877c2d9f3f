/* repl.c: the interactive loop.
 *
 * C owns the terminal: reading lines with libedit (history, Tab, Ctrl-C at the prompt), or plain
 * reads when standard input is not a terminal (no prompts, so piped transcripts can be tested).
 * Everything that has wording or policy is in lua/cairn/repl.lua, which this loop calls:
 *   repl.prompt(continuing) -> string       repl.eval(chunk) -> "incomplete" | "done"
 *   repl.complete(text_before_cursor) -> {candidates...}, replace_from (1-based byte index)
 *   repl.history_file() -> path or nil
 * Each call goes through host_pcall, so a Lua error never ends the REPL. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <histedit.h>
#include <lauxlib.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "host.h"

#define HISTORY_SIZE 2000

static volatile sig_atomic_t prompt_interrupted;
static int reading_answer; /* inside host.readline, where the host's own Ctrl-C handler runs */

static void on_prompt_sigint(int sig) {
    (void)sig;
    prompt_interrupted = 1;
}

/* Call repl.NAME with one argument already pushed; leaves NRES results (or nils) on the stack. */
static int call_repl(lua_State *L, const char *name, int nargs, int nres) {
    lua_getglobal(L, "require");
    lua_pushliteral(L, "cairn.repl");
    if (host_pcall(L, 1, 1) != LUA_OK) {
        host_report(L, 1);
        lua_pop(L, nargs);
        for (int i = 0; i < nres; i++) lua_pushnil(L);
        return 0;
    }
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
    lua_insert(L, -1 - nargs);
    int status = host_pcall(L, nargs, nres);
    if (status != LUA_OK) {
        host_report(L, status);
        for (int i = 0; i < nres; i++) lua_pushnil(L);
        return 0;
    }
    return 1;
}

/* ---- libedit ---------------------------------------------------------------------------- */

static lua_State *edit_state; /* for the completion callback */

static char *prompt_text;
static char *get_prompt(EditLine *el) {
    (void)el;
    return prompt_text ? prompt_text : "> ";
}

/* Read one character ourselves so that Ctrl-C interrupts the read (libedit's own reader retries
 * on EINTR). UTF-8 is decoded with the locale's mbrtowc. */
static int read_char(EditLine *el, wchar_t *wc) {
    (void)el;
    static mbstate_t mbs;
    char c;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 0)
            return 0;
        if (n < 0) {
            if (errno == EINTR && !prompt_interrupted && !(reading_answer && host_interrupted()))
                continue;
            return -1;
        }
        size_t r = mbrtowc(wc, &c, 1, &mbs);
        if (r == (size_t)-2)
            continue; /* more bytes of this character to come */
        if (r == (size_t)-1) {
            memset(&mbs, 0, sizeof mbs);
            *wc = (wchar_t)(unsigned char)c;
        }
        return 1;
    }
}

/* Print candidates in columns under the line, as shells do. */
static void list_candidates(lua_State *L, int tbl, int n) {
    size_t width = 0;
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, tbl, i);
        size_t len = lua_rawlen(L, -1);
        if (len > width) width = len;
        lua_pop(L, 1);
    }
    width += 2;
    struct winsize ws;
    int term = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
    int cols = (int)((size_t)term / width);
    if (cols < 1) cols = 1;
    fputc('\n', stdout);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, tbl, i);
        printf("%-*s", (int)width, lua_tostring(L, -1));
        lua_pop(L, 1);
        if (i % cols == 0 || i == n) fputc('\n', stdout);
    }
    fflush(stdout);
}

static unsigned char complete(EditLine *el, int ch) {
    (void)ch;
    lua_State *L = edit_state;
    const LineInfo *li = el_line(el);
    int top = lua_gettop(L);
    lua_pushlstring(L, li->buffer, (size_t)(li->cursor - li->buffer));
    if (!call_repl(L, "complete", 1, 2) || !lua_istable(L, -2)) {
        lua_settop(L, top);
        return CC_ERROR;
    }
    int tbl = lua_gettop(L) - 1;
    lua_Integer from = lua_tointeger(L, -1); /* 1-based start of the word being completed */
    size_t before = (size_t)(li->cursor - li->buffer);
    size_t typed = from >= 1 && (size_t)from <= before + 1 ? before - (size_t)(from - 1) : 0;
    int n = (int)lua_rawlen(L, tbl);
    unsigned char result = CC_ERROR;
    if (n >= 1) {
        /* the longest common prefix of all candidates */
        lua_rawgeti(L, tbl, 1);
        size_t common;
        const char *first = lua_tolstring(L, -1, &common);
        for (int i = 2; i <= n; i++) {
            lua_rawgeti(L, tbl, i);
            const char *s = lua_tostring(L, -1);
            size_t k = 0;
            while (k < common && s[k] == first[k]) k++;
            common = k;
            lua_pop(L, 1);
        }
        if (common > typed) {
            char *ins = strndup(first + typed, common - typed);
            if (ins) {
                el_insertstr(el, ins);
                free(ins);
            }
            result = CC_REFRESH;
        } else if (n > 1) {
            list_candidates(L, tbl, n);
            result = CC_REDISPLAY;
        }
        lua_pop(L, 1);
    }
    lua_settop(L, top);
    return result;
}

static void history_add_unique(History *h, const char *entry) {
    HistEvent ev;
    /* drop older copies so the history holds each entry once, newest last */
    for (int rc = history(h, &ev, H_FIRST); rc != -1; ) {
        if (strcmp(ev.str, entry) == 0) {
            int num = ev.num;
            /* H_DEL hands back a copy of the deleted line that the caller frees (history(3)) */
            if (history(h, &ev, H_DEL, num) == 0)
                free((void *)ev.str);
            rc = history(h, &ev, H_FIRST);
            continue;
        }
        rc = history(h, &ev, H_NEXT);
    }
    history(h, &ev, H_ENTER, entry);
}

/* ---- the loop ---------------------------------------------------------------------------- */

/* Run a chunk through repl.eval; 1 if it is incomplete. FINAL: the input has ended, so an
 * incomplete chunk is reported as an error instead (repl.finish). */
static int eval_chunk_as(lua_State *L, const char *chunk, size_t len, int final) {
    lua_pushlstring(L, chunk, len);
    if (!call_repl(L, final ? "finish" : "eval", 1, 1)) {
        lua_pop(L, 1);
        return 0;
    }
    int incomplete = lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "incomplete") == 0;
    lua_pop(L, 1);
    return incomplete;
}

static int eval_chunk(lua_State *L, const char *chunk, size_t len) {
    return eval_chunk_as(L, chunk, len, 0);
}

static int repl_piped(lua_State *L) {
    char *line = NULL;
    size_t cap = 0;
    size_t pending = 0;
    char *chunk = NULL;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) != -1) {
        char *grown = realloc(chunk, pending + (size_t)n + 1);
        if (!grown) break;
        chunk = grown;
        memcpy(chunk + pending, line, (size_t)n);
        pending += (size_t)n;
        chunk[pending] = '\0';
        if (!eval_chunk(L, chunk, pending))
            pending = 0;
        fflush(stdout);
    }
    if (pending) /* an unfinished chunk at end of input: report why */
        eval_chunk_as(L, chunk, pending, 1);
    free(line);
    free(chunk);
    return 0;
}

/* Home, End and Delete as terminals send them. libedit binds only what the terminfo entry of
 * $TERM names, so under tmux or screen (whose Home is ESC[1~ while TERM says xterm) the keys
 * fell through as ESC [ 1 and a stray "~". Bound before ~/.editrc is read, which may change them. */
static void bind_edit_keys(EditLine *el) {
    static const char *const keys[][2] = {
        {"\033[1~", "ed-move-to-beg"}, /* vt220, tmux, screen, linux console */
        {"\033[7~", "ed-move-to-beg"}, /* rxvt */
        {"\033[H", "ed-move-to-beg"},  /* xterm */
        {"\033OH", "ed-move-to-beg"},  /* xterm, application cursor mode */
        {"\033[4~", "ed-move-to-end"},
        {"\033[8~", "ed-move-to-end"},
        {"\033[F", "ed-move-to-end"},
        {"\033OF", "ed-move-to-end"},
        {"\033[3~", "ed-delete-next-char"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        el_set(el, EL_BIND, keys[i][0], keys[i][1], NULL);
}

static void set_prompt(lua_State *L, int continuing) {
    lua_pushboolean(L, continuing);
    call_repl(L, "prompt", 1, 1);
    free(prompt_text);
    prompt_text = strdup(lua_isstring(L, -1) ? lua_tostring(L, -1) : (continuing ? ">> " : "> "));
    lua_pop(L, 1);
}

static int repl_terminal(lua_State *L) {
    setlocale(LC_CTYPE, "");
    EditLine *el = el_init("cairn", stdin, stdout, stderr);
    History *h = history_init();
    HistEvent ev;
    if (!el || !h) {
        fprintf(stderr, "cairn: cannot start line editing\n");
        return 1;
    }
    history(h, &ev, H_SETSIZE, HISTORY_SIZE);
    char *hist_path = NULL;
    lua_pushnil(L);
    call_repl(L, "history_file", 1, 1);
    if (lua_isstring(L, -1)) {
        hist_path = strdup(lua_tostring(L, -1));
        history(h, &ev, H_LOAD, hist_path);
    }
    lua_pop(L, 1);

    edit_state = L;
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_HIST, history, h);
    el_set(el, EL_PROMPT, get_prompt);
    el_set(el, EL_GETCFN, read_char);
    /* the wide-character call: libedit's narrow el_set(EL_ADDFN) copies the two strings
     * with wcsdup and never frees them */
    el_wset(el, EL_ADDFN, L"cairn-complete", L"Complete Lua names and file names", complete);
    el_set(el, EL_BIND, "^I", "cairn-complete", NULL);
    bind_edit_keys(el);
    el_source(el, NULL); /* the user's ~/.editrc, if any */

    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_prompt_sigint; /* no SA_RESTART: Ctrl-C must end the read */
    sigemptyset(&sa.sa_mask);

    char *chunk = NULL;
    size_t pending = 0;
    for (;;) {
        set_prompt(L, pending > 0);
        prompt_interrupted = 0;
        sigaction(SIGINT, &sa, &old);
        int count = 0;
        const char *line = el_gets(el, &count);
        sigaction(SIGINT, &old, NULL);
        if (prompt_interrupted) {
            /* Ctrl-C at the prompt: throw away what was typed, start again */
            fputs("^C\n", stdout);
            el_reset(el);
            pending = 0;
            continue;
        }
        if (!line || count <= 0) {
            if (pending)
                eval_chunk_as(L, chunk, pending, 1);
            fputc('\n', stdout);
            break;
        }
        char *grown = realloc(chunk, pending + (size_t)count + 1);
        if (!grown) break;
        chunk = grown;
        memcpy(chunk + pending, line, (size_t)count);
        pending += (size_t)count;
        chunk[pending] = '\0';
        if (eval_chunk(L, chunk, pending))
            continue;
        /* history holds complete statements, without the final newline */
        size_t len = pending;
        while (len && (chunk[len - 1] == '\n' || chunk[len - 1] == ' ')) len--;
        if (len) {
            chunk[len] = '\0';
            history_add_unique(h, chunk);
            if (hist_path)
                history(h, &ev, H_SAVE, hist_path);
        }
        pending = 0;
    }
    free(chunk);
    free(hist_path);
    free(prompt_text);
    prompt_text = NULL;
    history_end(h);
    el_end(el);
    return 0;
}

/* ---- host.readline: one answer with line editing, for questions scripts ask --------------
 * The tool engine asks question after question (lua/cairn/ask.lua); on a terminal each answer
 * is read here so the facilitator has the same editing as at the REPL prompt (arrows, Ctrl-A/E,
 * kill and yank) and Up recalls earlier answers of this session. Ctrl-C raises "interrupted".
 *
 * host.readline(prompt, text) starts the line with TEXT already typed (an old answer to change
 * instead of retype). cairn links libedit, not GNU readline (GPL; see DESIGN.md), and reads
 * with its native API, so readline's rl_startup_hook/rl_insert_text are not there to use.
 * libedit's el_insertstr would be cleared by el_gets, which resets the line when it starts;
 * el_push queues TEXT as input that el_gets reads before the keyboard, so it lands in the
 * line exactly as if typed, with the cursor at its end. Control characters are pushed as
 * spaces: as keystrokes they would be editing commands. */

static EditLine *answer_el;
static History *answer_hist;
static char *answer_prompt;

static char *get_answer_prompt(EditLine *el) {
    (void)el;
    return answer_prompt ? answer_prompt : "";
}

static void answer_cleanup(void) {
    if (answer_el) el_end(answer_el);
    if (answer_hist) history_end(answer_hist);
    free(answer_prompt);
    answer_el = NULL;
    answer_hist = NULL;
    answer_prompt = NULL;
}

/* Queue TEXT as typed input for the next el_gets (control characters as spaces). */
static int push_typed(lua_State *L, EditLine *el, const char *text, size_t len) {
    char *copy = malloc(len + 1);
    if (!copy)
        return luaL_error(L, "out of memory");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        copy[i] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
    }
    copy[len] = '\0';
    el_push(el, copy);
    free(copy);
    return 0;
}

int repl_readline(lua_State *L) {
    const char *prompt = luaL_optstring(L, 1, "");
    size_t prefill_len = 0;
    const char *prefill = luaL_optlstring(L, 2, NULL, &prefill_len);
    if (!isatty(STDIN_FILENO))
        return luaL_error(L, "readline needs a terminal (read piped input with io.read)");
    if (!answer_el) {
        HistEvent ev;
        setlocale(LC_CTYPE, "");
        answer_el = el_init("cairn", stdin, stdout, stderr);
        answer_hist = history_init();
        if (!answer_el || !answer_hist)
            return luaL_error(L, "cannot start line editing");
        history(answer_hist, &ev, H_SETSIZE, 200);
        history(answer_hist, &ev, H_SETUNIQUE, 1);
        el_set(answer_el, EL_EDITOR, "emacs");
        el_set(answer_el, EL_HIST, history, answer_hist);
        el_set(answer_el, EL_PROMPT, get_answer_prompt);
        el_set(answer_el, EL_GETCFN, read_char);
        bind_edit_keys(answer_el);
        el_source(answer_el, NULL);
        atexit(answer_cleanup);
    }
    char *p = strdup(prompt);
    if (!p)
        return luaL_error(L, "out of memory");
    free(answer_prompt);
    answer_prompt = p;
    fflush(stdout);
    if (prefill && prefill_len)
        push_typed(L, answer_el, prefill, prefill_len);
    int count = 0;
    reading_answer = 1;
    const char *line = el_gets(answer_el, &count);
    reading_answer = 0;
    if (!line || count <= 0) {
        if (count < 0 && host_interrupted()) {
            fputc('\n', stdout);
            el_reset(answer_el);
            lua_sethook(L, NULL, 0, 0); /* the host's pending stop hook: raise once, here */
            return luaL_error(L, "interrupted");
        }
        lua_pushnil(L); /* end of input (Ctrl-D) */
        return 1;
    }
    size_t len = (size_t)count;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
    lua_pushlstring(L, line, len);
    if (len) {
        HistEvent ev;
        history(answer_hist, &ev, H_ENTER, lua_tostring(L, -1));
    }
    return 1;
}

int repl_run(lua_State *L) {
    return isatty(STDIN_FILENO) ? repl_terminal(L) : repl_piped(L);
}
