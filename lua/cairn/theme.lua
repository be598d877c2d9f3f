-- cairn.theme: how reports look. A district restyles every report by putting its own
-- cairn/theme.lua on the search path (next to the workspace, on $CAIRN_PATH or in
-- ~/.config/cairn); it may return only the fields it changes, they are merged over these.
--
-- Colours: the palette is Okabe & Ito's colour-blind-safe set; status and Likert colours are
-- chosen so neighbours differ in lightness as well as hue (readable in grey print too).
return {
  font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
  mono = "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
  logo = nil,          -- a data: URI (PNG or SVG) shown in the HTML header; never a web address
  header = nil,        -- text at the top of every page (HTML/PDF); default: the district
  footer = nil,        -- text at the bottom of every page; default: title and as-of date
  currency = "$",      -- prefix of money columns
  colors = {
    text = "#1a1a1a",
    muted = "#595959",
    background = "#ffffff",
    primary = "#1F4E79",    -- headings and rules
    accent = "#0072B2",
    rule = "#d0d0d0",
    header_bg = "#F3F6F9",  -- table headers
    suppressed_bg = "#EEEEEE",  -- suppressed cells (XLSX)
    note = "#0072B2",
    warning = "#D55E00",
    -- Okabe-Ito, in the order series use them
    palette = { "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                "#000000" },
    -- diverging, unfavourable to favourable (Likert); the middle is neutral grey
    diverging = { "#B35806", "#F1A340", "#D9D9D9", "#998EC3", "#542788" },
    -- by status label (compared ignoring case); other labels take palette colours in order
    status = {
      ["not started"] = "#BBBBBB", ["on track"] = "#009E73", ["at risk"] = "#E69F00",
      ["off track"] = "#D55E00", done = "#0072B2", dropped = "#777777",
      complete = "#0072B2", completed = "#0072B2", cancelled = "#777777",
    },
    -- what charts draw besides data series (HTML/SVG)
    chart = {
      ink = "#222222",          -- axes, centre lines, arrows, outlines
      muted = "#595959",        -- axis labels, "no data" text
      track = "#E8E8E8",        -- the empty part of a progress bar
      empty = "#BBBBBB",        -- a row without data; fishbone bones
      grid = "#CCCCCC", grid_minor = "#EEEEEE",   -- timeline month lines
      bar = "#0072B2",          -- bars, timeline items without a status
      met = "#009E73", not_met = "#E69F00",       -- progress bars
      met_text = "#00684A", not_met_text = "#8A4B00",
      highlight = "#D55E00",    -- the as-of line, top-ranked causes
      highlight_text = "#A33F00", highlight_bg = "#FBE3BE",
      head = "#0072B2", head_text = "#FFFFFF",  -- fishbone head, logic-model column heads
      item_bg = "#EAF4FB", item_border = "#56B4E9",  -- logic-model boxes
    },
    -- Likert levels when `diverging` has too few shades for a scale: the outermost first
    likert = {
      unfavourable = { "#D55E00", "#E69F00", "#F5C77E", "#FBE3BE" },
      favourable = { "#0072B2", "#56B4E9", "#A9D8F2", "#D4ECF9" },
      neutral = "#BBBBBB",
    },
  },
  -- the HTML stylesheet. The renderer puts the colours above and the font in CSS variables
  -- first (--primary, --accent, --text, --muted, --bg, --rule, --head, --note, --warning,
  -- --font), then this; a district may replace it whole. "<" is written as a CSS escape, so a
  -- stylesheet cannot end the <style> element.
  css = [[
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:var(--font);color:var(--text);background:var(--bg);line-height:1.5}
.page{max-width:62rem;margin:0 auto;padding:1rem 1.25rem}
.page:has(.table-wrap>table>thead>tr>th:nth-child(8)){max-width:80rem}
.doc-header{display:flex;align-items:center;gap:1rem;border-bottom:4px solid var(--primary);padding:.5rem 1.25rem;color:var(--muted)}
.doc-header img{max-height:3rem;max-width:12rem}
h1,h2,h3,h4,h5,h6{color:var(--primary);line-height:1.25;margin:1.5em 0 .5em}
h1{font-size:1.9rem;margin-top:.5em}
h2{font-size:1.45rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
h3{font-size:1.2rem}
.subtitle{font-size:1.15rem;color:var(--muted);margin:-.25rem 0 .5rem}
dl.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.5rem 0 1.5rem;color:var(--muted)}
dl.meta div{display:flex;gap:.4rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
a{color:var(--accent)}
.table-wrap{overflow-x:auto;margin:1rem 0 .25rem;max-width:100%}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0;caption-side:top}
th,td{border-bottom:1px solid var(--rule);padding:.35rem .65rem;vertical-align:top;text-align:left}
thead th{border-bottom:2px solid var(--primary);background:var(--head)}
tbody th{font-weight:600}
tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--text);border-bottom:0}
.r{text-align:right;white-space:nowrap}
td.suppressed,th.r{white-space:normal}
td time{white-space:nowrap}
.c{text-align:center}
.suppressed{color:var(--muted);font-style:italic}
.empty{color:var(--muted)}
.notes{font-size:.9rem;color:var(--muted);margin:.25rem 0 1rem;padding-left:1.2rem}
table.kv th{width:30%;min-width:8rem}
.callout{border-left:5px solid var(--note);background:#EEF6FB;padding:.6rem 1rem;margin:1rem 0;border-radius:0 4px 4px 0}
.callout.warning{border-color:var(--warning);background:#FDF0E6}
.callout-title{font-weight:700;margin:0 0 .25rem}
.callout p:last-child{margin-bottom:0}
ul.checklist{list-style:none;padding-left:.25rem}
ul.checklist input{margin:0 .5rem 0 0;vertical-align:middle}
figure.chart{margin:1.5rem 0;border:1px solid var(--rule);border-radius:6px;padding:.75rem;max-width:100%;overflow-x:auto}
figure.chart figcaption{font-weight:600;margin-bottom:.5rem}
.chart-svg{display:block;max-width:100%;height:auto;font-family:var(--font)}
details{margin-top:.5rem}
summary{cursor:pointer;color:var(--accent)}
hr.pagebreak{border:0;border-top:1px dashed var(--rule);margin:2rem 0}
nav.toc{border:1px solid var(--rule);border-radius:6px;padding:.25rem 1.25rem;margin:1rem 0 1.5rem;display:inline-block;min-width:50%}
nav.toc h2{font-size:1.1rem;border:0;margin:.5rem 0}
nav.toc ol{margin:.25rem 0 .75rem;padding-left:1.25rem}
.md img{max-width:100%}
.doc-footer{border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem;padding:1rem 1.25rem;margin-top:2rem}
@media (max-width:40rem){.page{padding:.5rem .75rem}h1{font-size:1.5rem}h2{font-size:1.25rem}th,td{padding:.3rem .45rem}table.kv th{min-width:6rem}figure.chart{padding:.5rem}}
@media print{@page{margin:16mm 14mm}@page wide{size:landscape;margin:12mm 12mm}.table-wrap:has(>table>thead>tr>th:nth-child(8)){page:wide}.table-wrap:has(>table>thead>tr>th:nth-child(8)) table{font-size:9pt}table{max-width:100%}th,td{overflow-wrap:break-word}figure.chart{break-inside:avoid}body{background:#fff;color:#000;font-size:10.5pt}.page{max-width:none;padding:0}.table-wrap,figure.chart{overflow:visible}thead{display:table-header-group}tfoot{display:table-footer-group}tr,th,td,figure,.callout,table.kv,ul.checklist li{break-inside:avoid;page-break-inside:avoid}h1,h2,h3,h4,h5,h6,caption{break-after:avoid;page-break-after:avoid}hr.pagebreak{border:0;margin:0;break-after:page;page-break-after:always}section.break-before{break-before:page;page-break-before:always}details>summary{display:none}a{color:inherit;text-decoration:underline}}
]],
  -- `cairn present` and present(): the live view of a running tool for a projector. Few words,
  -- big spacing; colours are terminal SGR codes ("1" bold, "1;97" bold bright white, "" plain;
  -- none with NO_COLOR). {tool}, {id}, {n}, {time}, {draft} are filled in.
  present = {
    margin = 0.08,          -- of the terminal's width, left and right (at least 2 columns)
    spacing = 1,            -- blank lines between answers
    colors = { title = "1;36", heading = "1;33", question = "1;97", label = "1", answer = "",
               muted = "2" },
    words = {
      title = "{tool}",
      now = "NOW",
      so_far = "SO FAR",
      nothing_yet = "No answers yet.",
      earlier = "… {n} earlier answers",
      review = "Reviewing the answers",
      saved = "Saved as worksheet {id}",
      waiting = "No tool is running.",
      waiting_more = "This screen follows the next tool run as soon as its first answer is in.",
      gone = "Worksheet {draft} is not there (any more).",
      footer = "worksheet {id} · saved {time}",
      quit = "q quits",
    },
  },
  -- words the renderers print around user content (a district may translate them)
  labels = {
    -- in running text ("Riverside Unified · period 2026-11 · as of 2026-11-26")
    as_of = "as of", period = "period",
    -- headings of the document's facts (HTML)
    meta_district = "District", meta_period = "Period", meta_as_of = "As of",
    total = "Total", note = "Note", warning = "Warning", notes = "Notes", chart = "Chart",
    yes = "yes", no = "no", page = "Page", report = "Report", data_table = "Data table",
    no_rows = "No rows.", suppressed = "suppressed", no_data = "no responses", n = "n",
    -- progress and fishbone charts
    actual = "actual", baseline = "baseline", target = "target", met = "target met",
    not_met = "target not yet met", higher_better = "\u{2191} higher is better",
    lower_better = "\u{2193} lower is better", rank = "rank",
    -- HTML table of contents; XLSX sheet names and the facts sheet
    contents = "Contents", table = "Table", about = "About", meta_title = "Title",
    meta_subtitle = "Subtitle",
    -- month names on timeline charts
    m1 = "Jan", m2 = "Feb", m3 = "Mar", m4 = "Apr", m5 = "May", m6 = "Jun",
    m7 = "Jul", m8 = "Aug", m9 = "Sep", m10 = "Oct", m11 = "Nov", m12 = "Dec",
  },
}
