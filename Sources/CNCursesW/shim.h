#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// SwiftPM drops the -D flags pkg-config prints; without these the wide API
// (wget_wch, cchar_t, setcchar) is invisible. See shared/notes/terminal.md.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift 6 rejects mutable C globals and function-like macros: export them here.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_colors(void) { return COLORS; }

// newterm instead of initscr: initscr exits the process when the terminal is
// unusable; newterm returns NULL so we can print a clear message.
static inline SCREEN *cn_newterm_stdio(const char *term) { return newterm(term, stdout, stdin); }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_err(void) { return ERR; }

// Puts one cell (a grapheme of up to CCHARW_MAX-1 wide chars) at y,x with
// attributes and a colour pair; pairs above 32767 go through the extended
// pair argument.
static inline int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    short shortPair = pair > 32767 ? 0 : (short)pair;
    int extendedPair = pair;
    if (setcchar(&cell, text, attrs, shortPair, pair > 32767 ? &extendedPair : NULL) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

// True when the terminal description lacks cursor addressing (e.g. TERM=dumb).
static inline int cn_lacks_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup == NULL || cup == (char *)-1;
}

#endif
