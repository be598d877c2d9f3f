/* render_svg.h: charts as inline SVG (render_svg.c) and the HTML/XML text helpers that the
 * HTML renderer shares with them. Charts follow docs/report-document.md. */
#ifndef CAIRN_RENDER_SVG_H
#define CAIRN_RENDER_SVG_H

#include <lua.h>
#include <stddef.h>

#include "render.h"

/* What a chart needs from the document: a sequence number for unique element ids, the
 * document's as-of date, and the document itself, whose theme gives every colour and word a
 * chart draws (rd_theme_str, rd_label: the built-in theme fills what it lacks). */
typedef struct {
    int seq;
    const char *as_of;
    int doc; /* absolute stack index of the document */
} svg_ctx;

/* Append the chart block at index CHART as one <svg role="img"> element whose <title> and
 * <desc> come from the chart's title and alt. ID prefixes every element id. Raises a Lua error
 * naming the chart and the item when the data does not fit its kind. */
void svg_chart(lua_State *L, int chart, rbuf *b, svg_ctx *c, const char *id);

/* Parse an ISO date YYYY-MM-DD (a valid calendar day); returns 1 and the day number (days
 * since 1970-01-01) in *DAYS, or 0. */
int svg_parse_date(const char *s, long *days);

#endif
