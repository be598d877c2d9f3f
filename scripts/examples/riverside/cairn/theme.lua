-- Riverside's report theme: only the fields it changes (merged over cairn's theme).
return {
  header = "Riverside Unified School District",
  footer = "Riverside Unified · planning office",
  colors = { primary = "#6B2D5C", accent = "#A23B72", header_bg = "#F6EEF3" },
}
