/* numfmt.c: see numfmt.h. */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const double pow10_table[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

double num_round(double x, int decimals) {
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    if (!isfinite(x)) return x;
    double p = pow10_table[decimals];
    double y = x * p;
    /* x * p can land a hair below a true half (2.675 * 100 = 267.49999...); nudge by a few
     * units in the last place so decimal halves round as people expect. */
    double r = round(y + copysign(fabs(y) * 4 * 2.220446049250313e-16, y));
    return r / p;
}

int num_format(char *buf, size_t size, double x, int decimals, int grouping) {
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    double r = num_round(x, decimals);
    if (r == 0) r = 0; /* no "-0.0" */
    char tmp[64];
    int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, r);
    if (n < 0 || (size_t)n >= sizeof tmp || !grouping || !isfinite(r))
        return snprintf(buf, size, "%s", tmp);
    /* insert separators into the integer part */
    const char *digits = tmp + (tmp[0] == '-');
    const char *dot = strchr(digits, '.');
    size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
    char out[96];
    size_t o = 0;
    if (tmp[0] == '-') out[o++] = '-';
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    return snprintf(buf, size, "%s%s", out, dot ? dot : "");
}
