/* test_numfmt.c: rounding half away from zero and number formatting (src/numfmt.c). */
#include <math.h>
#include <string.h>

#include "numfmt.h"
#include "tap.h"

static void fmt(double x, int decimals, int grouping, const char *want) {
    char buf[96];
    num_format(buf, sizeof buf, x, decimals, grouping);
    ok(strcmp(buf, want) == 0, "format(%.17g, %d%s) = %s (got %s)", x, decimals,
       grouping ? ", grouped" : "", want, buf);
}

int main(void) {
    /* halves away from zero, where printf would round to even or fall a hair short */
    fmt(56.25, 1, 0, "56.3");
    fmt(2.675, 2, 0, "2.68");
    fmt(0.5, 0, 0, "1");
    fmt(1.5, 0, 0, "2");
    fmt(2.5, 0, 0, "3");
    fmt(1.005, 2, 0, "1.01");
    fmt(0.125, 2, 0, "0.13");
    fmt(-56.25, 1, 0, "-56.3");
    fmt(-2.675, 2, 0, "-2.68");
    fmt(-0.5, 0, 0, "-1");
    fmt(-0.04, 1, 0, "0.0"); /* no "-0.0" */
    fmt(-0.0, 2, 0, "0.00");
    fmt(56.24, 1, 0, "56.2");
    fmt(56.2499, 2, 0, "56.25");
    fmt(1.0 / 3.0, 3, 0, "0.333");
    fmt(2.0 / 3.0, 1, 0, "0.7");
    fmt(42, 0, 0, "42");
    fmt(42, 2, 0, "42.00");

    /* grouping */
    fmt(1234567.891, 2, 1, "1,234,567.89");
    fmt(-1234567.5, 0, 1, "-1,234,568");
    fmt(999, 0, 1, "999");
    fmt(1000, 0, 1, "1,000");
    fmt(100000, 1, 1, "100,000.0");
    fmt(-999.95, 1, 1, "-1,000.0");
    fmt(12345, 0, 0, "12345");

    /* limits and specials */
    fmt(3.14159, -2, 0, "3");
    fmt(1.23456789012, 12, 0, "1.234567890");
    ok(isnan(num_round(NAN, 2)), "NaN stays NaN");
    ok(isinf(num_round(INFINITY, 2)), "infinity stays infinity");
    ok(num_round(56.25, 1) == 56.3, "num_round(56.25, 1) == 56.3");
    ok(num_round(-2.5, 0) == -3.0, "num_round(-2.5, 0) == -3");
    ok(num_round(0.1 + 0.2, 1) == 0.3, "num_round(0.1 + 0.2, 1) == 0.3");
    char small[4];
    int n = num_format(small, sizeof small, 123456.0, 0, 0);
    ok(n == 6 && strcmp(small, "123") == 0, "a short buffer is truncated safely, length reported");
    return done_testing();
}
