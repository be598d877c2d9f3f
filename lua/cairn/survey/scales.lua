-- The survey scales cairn ships. A district's own cairn/survey/scales.lua (next to the
-- workspace or on $CAIRN_PATH) is read over these: it adds scales, replaces one by giving its
-- name (copy the entry from here and edit the labels), and drops one with `name = false`. Each
-- scale lists its levels from least to most favourable; `favorable` names the values that count
-- toward "percent favorable"; `na` is an optional "not applicable" answer left out of n, means
-- and percents. `aliases` are other spellings accepted on import ("SD", "Strongly Disagree ",
-- ...; case and spaces never matter).
return {
  agreement = {
    title = "Agreement (4-point)",
    levels = {
      { label = "Strongly disagree", value = 1, aliases = { "SD" } },
      { label = "Disagree", value = 2, aliases = { "D" } },
      { label = "Agree", value = 3, aliases = { "A" } },
      { label = "Strongly agree", value = 4, aliases = { "SA" } },
    },
    favorable = { 3, 4 },
    na = "Not applicable", na_aliases = { "N/A", "NA", "Don't know" },
  },
  agreement5 = {
    title = "Agreement (5-point)",
    levels = {
      { label = "Strongly disagree", value = 1, aliases = { "SD" } },
      { label = "Disagree", value = 2, aliases = { "D" } },
      { label = "Neither agree nor disagree", value = 3, aliases = { "Neutral", "N" } },
      { label = "Agree", value = 4, aliases = { "A" } },
      { label = "Strongly agree", value = 5, aliases = { "SA" } },
    },
    favorable = { 4, 5 },
    na = "Not applicable", na_aliases = { "N/A", "NA" },
  },
  frequency = {
    title = "Frequency",
    levels = {
      { label = "Never", value = 1 },
      { label = "Sometimes", value = 2 },
      { label = "Often", value = 3 },
      { label = "Always", value = 4, aliases = { "Almost always" } },
    },
    favorable = { 3, 4 },
    na = "Not applicable", na_aliases = { "N/A", "NA" },
  },
  quality = {
    title = "Quality",
    levels = {
      { label = "Poor", value = 1 },
      { label = "Fair", value = 2 },
      { label = "Good", value = 3 },
      { label = "Excellent", value = 4 },
    },
    favorable = { 3, 4 },
    na = "Not applicable", na_aliases = { "N/A", "NA" },
  },
  -- The guidebook's rating of partnership components (strengthening_partnerships_reflection).
  rating = {
    title = "Strong / Adequate / Needs Work",
    levels = {
      { label = "Needs Work", value = 1, aliases = { "Needs improvement" } },
      { label = "Adequate", value = 2 },
      { label = "Strong", value = 3 },
    },
    favorable = { 3 },
  },
  yesno = {
    title = "Yes / No",
    levels = {
      { label = "No", value = 0, aliases = { "N", "False" } },
      { label = "Yes", value = 1, aliases = { "Y", "True" } },
    },
    favorable = { 1 },
  },
}
