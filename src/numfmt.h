/* numfmt.h: rounding and number formatting, in one place for all of cairn.
 *
 * SQLite's round() and printf round halves away from zero; glibc's printf rounds exact binary
 * halves to even (56.25 -> "56.2"). Every number cairn shows (survey percentages, means, report
 * cells) is rounded here, half away from zero, so the REPL, every report format and the tests
 * agree. Lua reaches it as cairn.host.round and cairn.host.format_number. */
#ifndef CAIRN_NUMFMT_H
#define CAIRN_NUMFMT_H

#include <stddef.h>

/* x rounded to DECIMALS places (0..9), halves away from zero. */
double num_round(double x, int decimals);

/* x rounded and printed with exactly DECIMALS places ("-0.0" is printed as "0.0");
 * GROUPING adds thousands separators (1,234.5). Returns the length written. */
int num_format(char *buf, size_t size, double x, int decimals, int grouping);

#endif
