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
    note = "#0072B2",
    warning = "#D55E00",
    -- Okabe-Ito, in the order series use them
    palette = { "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                "#000000" },
    -- diverging, unfavourable to favourable (Likert); the middle is neutral grey
    diverging = { "#B35806", "#F1A340", "#D9D9D9", "#998EC3", "#542788" },
    status = {
      ["not started"] = "#BBBBBB", ["on track"] = "#009E73", ["at risk"] = "#E69F00",
      ["off track"] = "#D55E00", done = "#0072B2", dropped = "#777777",
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
