-- cairn.letter: the letter a worksheet produces (an invitation, the joint letter), as a document
-- a person can send: HTML and Markdown always, DOCX (and PDF) where a converter is installed
-- (cairn.convert names the Debian package when none is).
--
--   local letter = require "cairn.letter"
--   letter.write(7, "invitation.html")      -- worksheet 7 (or a worksheet); the format from the name
--   letter.write(7, "invitation.docx")      -- needs pandoc or LibreOffice
--   letter.document(7)                      -- the cairn.report document
--   letter.text(7)                          -- the letter as plain text (to paste into an email)
--
-- A tool that writes letters has a top-level `letter = function(w) return L end`, where L is
-- { title =, date =, salutation =, paragraphs = { ... }, closing =, signature = }; every part
-- but title and paragraphs is optional. The words are the tool's; this module lays them out.
local letter = {}

-- Text typed by a person shows as typed: Markdown's special characters are escaped.
function letter.escape(s)
  return (tostring(s):gsub("([\\`*_%[%]<>#|~])", "\\%1"))
end

-- The parts of letter L added to CONTAINER (a document or a section), in reading order.
function letter.add(container, L)
  if L.date then container:paragraph(letter.escape(L.date)) end
  if L.salutation then container:paragraph(letter.escape(L.salutation)) end
  for _, p in ipairs(L.paragraphs) do container:paragraph(letter.escape(p)) end
  if L.closing or L.signature then
    local lines = {}
    if L.closing then lines[#lines + 1] = letter.escape(L.closing) end
    if L.signature then lines[#lines + 1] = letter.escape(L.signature) end
    -- two spaces and a newline: a line break inside the paragraph
    container:paragraph(table.concat(lines, "  \n"))
  end
  return container
end

local function spec_of(w)
  local tool = require "cairn.tool"
  w = tool.open_worksheet(w)
  local T = tool.load(w.tool)
  if type(T.letter) ~= "function" then
    error(string.format("worksheet %d (%s) has no letter: only tools that write one do "
      .. "(extending_the_invitation, joint_letter)", w.id, w.tool), 0)
  end
  return T.letter(w), w
end

function letter.document(w)
  local L = spec_of(w)
  local report = require "cairn.report"
  local doc = report.new { title = L.title }
  return letter.add(doc, L)
end

-- Write the letter to PATH (format FORMAT, else from the extension); returns the path.
function letter.write(w, path, format)
  return letter.document(w):write(path, format)
end

function letter.text(w)
  local L = spec_of(w)
  local out = {}
  for _, k in ipairs { "date", "salutation" } do if L[k] then out[#out + 1] = L[k] end end
  for _, p in ipairs(L.paragraphs) do out[#out + 1] = p end
  local close = {}
  if L.closing then close[#close + 1] = L.closing end
  if L.signature then close[#close + 1] = L.signature end
  if #close > 0 then out[#out + 1] = table.concat(close, "\n") end
  return table.concat(out, "\n\n") .. "\n"
end

return letter
