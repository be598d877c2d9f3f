-- The planning tools (scripts/tools/*.lua, issue 4), driven from their test folders
-- tests/tools/ID/ in one demo workspace, in the order a district would use them so later tools
-- find what earlier ones wrote (5 Whys root cause -> action step -> monitoring milestone):
--
--   answers.json     a filled worksheet: runs, is stored, re-opens with the same answers
--   warnings.txt     the checks' warnings for it (golden)
--   plan.txt         the plan content its to_plan wrote (golden)
--   edit.json        { path = new value }: w:edit adds a revision with the change
--   expected.md      the edited worksheet's report in Markdown (golden)
--   expected.html    ... and in HTML (golden; the theme's stylesheet left out)
--   bad-*.json       answers that must fail; bad-*.expected holds the exact error
--
-- TOOLS=five_whys,logic_model limits the run (later tools may then miss their links).
-- UPDATE=1 rewrites the goldens: review the diff.
local t = require "tap"
local ws = require "cairn.workspace"
local host = require "cairn.host"
local json = require "cairn.json"
local tool = require "cairn.tool"
local plan = require "cairn.plan"
local form = require "cairn.tool.form"
local worksheet = require "cairn.tool.worksheet"

local TESTS = os.getenv("CAIRN_TESTS")
local AS_OF = "2026-11-26"

local order = {
  "discovering_shared_goals", "overarching_goals", "five_whys", "fishbone_diagram", "logic_model",
  "goals_objectives", "action_planning_template", "project_plan", "communication_plan",
  "support_tracking", "monitoring_plan", "results_analysis", "sample_planning_process",
  "ma_create_align_implement", "ma_district_plan", "ma_district_action_plan", "sfss_action_plan",
  "sfss_four_rs",
  -- the NEA guidebook's other tools (issue 13), after the above so the joint letter finds the
  -- shared goals and teams they wrote
  "sharing_the_case", "extending_the_invitation", "potential_partner_brainstorm",
  "community_outreach_guide", "community_conversations", "guiding_principles_behaviors",
  "building_strong_partnership", "collaborative_structure_worksheet", "standing_meeting_worksheet",
  "joint_letter", "support_resources", "opportunity_audit", "group_norms_activity",
  "lessons_learned_discussion", "where_are_you_going_next", "sustaining_collaborative_structures",
  "identifying_repeatable_processes",
  -- beyond the catalogue: each NEA chapter's closing questions (issue 13)
  "turn_learning_to_action",
}

local only
if os.getenv("TOOLS") then
  only = {}
  for id in os.getenv("TOOLS"):gmatch("[^,]+") do only[id] = true end
end

ws.create("Riverside Unified", "planning-tools.db")
dofile(TESTS .. "/tools/people.lua")

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function count_worksheets()
  return ws.db():value("SELECT count(*) FROM worksheet")
end

-- A plan as text: the plan, its fields, its items as an outline with owners, dates, kinds, tags,
-- resources, measures and the links leaving each item.
local function dump_plan(p, out)
  out[#out + 1] = string.format("plan %s: %s", p.kind, p.title)
  for _, k in ipairs { "level", "period" } do
    if p[k] then out[#out + 1] = string.format("  %s: %s", k, p[k]) end
  end
  out[#out + 1] = "  levels: " .. table.concat(p.levels or {}, ", ")
  local keys = {}
  for k in pairs(p.fields or {}) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local v = p.fields[k]
    out[#out + 1] = string.format("  field %s: %s", k, type(v) == "table" and json.encode(v) or tostring(v))
  end
  local db = ws.db()
  for snap in db:rows("SELECT name FROM plan_snapshot WHERE plan_id = ? ORDER BY id", p.id) do
    out[#out + 1] = "  snapshot: " .. snap.name
  end
  for _, it in ipairs(p:items()) do
    local bits = {}
    if rawget(it, "kind") then bits[#bits + 1] = rawget(it, "kind") end
    if it.owner then bits[#bits + 1] = "owner " .. it.owner end
    if it.start then bits[#bits + 1] = "start " .. it.start end
    if it.due then bits[#bits + 1] = "due " .. it.due end
    if it.status ~= "not_started" then bits[#bits + 1] = it.status end
    if #it.tags > 0 then bits[#bits + 1] = "tags " .. table.concat(it.tags, ",") end
    local r = it.resources
    if r.available then bits[#bits + 1] = "available " .. r.available end
    if r.needed then bits[#bits + 1] = "needed " .. r.needed end
    if r.cost then bits[#bits + 1] = "cost " .. host.format_number(r.cost, 2) end
    if r.funding then bits[#bits + 1] = "funding " .. r.funding end
    local ind = string.rep("  ", it.depth)
    out[#out + 1] = string.format("%s- [%s] %s%s", ind, it.level, it.text,
      #bits > 0 and (" (" .. table.concat(bits, "; ") .. ")") or "")
    local fk = {}
    for k in pairs(it.fields or {}) do fk[#fk + 1] = k end
    table.sort(fk)
    for _, k in ipairs(fk) do
      local v = it.fields[k]
      out[#out + 1] = string.format("%s    %s: %s", ind, k, type(v) == "table" and json.encode(v) or tostring(v))
    end
    local m = db:one("SELECT * FROM measure WHERE item_id = ?", it.id)
    if m then
      local tg = {}
      for x in db:rows("SELECT kind, value, date FROM measure_target WHERE item_id = ? ORDER BY date", it.id) do
        tg[#tg + 1] = string.format("%s %s by %s", x.kind, host.format_number(x.value, 1), x.date)
      end
      out[#out + 1] = string.format("%s    measure: %s (%s, %s); baseline %s%s; targets: %s", ind, m.metric,
        m.unit or "no unit", m.direction, m.baseline_value and host.format_number(m.baseline_value, 1) or "none",
        m.baseline_date and (" on " .. m.baseline_date) or "", table.concat(tg, ", "))
    end
    for l in db:rows([[SELECT l.relation, i.level, i.text, p.kind FROM link l
        JOIN plan_item i ON l.to_kind = 'item' AND i.id = l.to_id JOIN plan p ON p.id = i.plan_id
        WHERE l.from_kind = 'item' AND l.from_id = ? ORDER BY l.relation, i.id]], it.id) do
      out[#out + 1] = string.format("%s    -> %s [%s in %s] %s", ind, l.relation, l.level, l.kind, l.text)
    end
    for l in db:rows([[SELECT l.relation, i.level, i.text, p.kind FROM link l
        JOIN plan_item i ON l.from_kind = 'item' AND i.id = l.from_id JOIN plan p ON p.id = i.plan_id
        WHERE l.to_kind = 'item' AND l.to_id = ? ORDER BY l.relation, i.id]], it.id) do
      out[#out + 1] = string.format("%s    <- %s [%s in %s] %s", ind, l.relation, l.level, l.kind, l.text)
    end
    for s in db:rows([[SELECT status, on_date, note FROM status_change WHERE item_id = ?
        AND note IS NOT NULL AND note <> 'initial status' ORDER BY id]], it.id) do
      out[#out + 1] = string.format("%s    status %s on %s: %s", ind, s.status, s.on_date, s.note)
    end
  end
end

-- What a tool run changed in the plan model: the plans its worksheet wrote, plus status notes
-- it left on other plans' items (results analysis).
local function dump_for(w)
  local out = {}
  for _, pid in ipairs(worksheet.plans(w.id)) do dump_plan(plan.get(pid), out) end
  if #out == 0 then out[1] = "(no plan content)" end
  return table.concat(out, "\n") .. "\n"
end

local function status_notes()
  local out = {}
  for s in ws.db():rows([[SELECT i.text, s.status, s.on_date, s.note FROM status_change s
      JOIN plan_item i ON i.id = s.item_id WHERE s.note LIKE 'Results analysis:%' ORDER BY s.id]]) do
    out[#out + 1] = string.format("- %s: %s on %s (%s)", s.text, s.status, s.on_date, s.note)
  end
  return out
end

local function render(w, format)
  local doc = tool.document(w, { as_of = AS_OF })
  local ok, s = pcall(doc.render, doc, format)
  if not ok and tostring(s):find("not built yet", 1, true) then return nil, s end
  if not ok then error(s, 0) end
  return s
end

local function list_bad(dir)
  local names = {}
  for _, n in ipairs(host.list_dir(dir) or {}) do
    if n:match("^bad.*%.json$") or n:match("^bad.*%.lua$") then names[#names + 1] = n end
  end
  table.sort(names)
  return names
end

local function get_path(a, path)
  local v = a
  for _, seg in ipairs(tool.parse_path(path)) do
    if type(v) ~= "table" then return nil end
    v = v[seg]
  end
  return v
end

for _, id in ipairs(order) do
  if not only or only[id] then
    local dir = TESTS .. "/tools/" .. id
    local rel = "tools/" .. id .. "/"
    local ok, w = pcall(tool.run, id, dir .. "/answers.json", { quiet = true, as_of = AS_OF, by = "test" })
    if not t.ok(ok, id .. ": answers.json runs") then
      io.write("#   ", (tostring(w):gsub("\n", "\n#   ")), "\n")
    else
      local lines = {}
      for _, e in ipairs(w.warnings or {}) do lines[#lines + 1] = form.format_error(e) end
      t.golden(table.concat(lines, "\n") .. "\n", rel .. "warnings.txt", id .. ": warnings")
      t.golden(dump_for(w), rel .. "plan.txt", id .. ": plan content")

      local again = tool.open_worksheet(w.id)
      t.is(again.tool, id, id .. ": stored under its tool id")
      t.same(again.answers, w.answers, id .. ": re-opened worksheet has the same answers")
      t.is(again.tool_version, tool.load(id).hash, id .. ": remembers the tool version")

      local changes = json.decode(read(dir .. "/edit.json") or "{}", rel .. "edit.json")
      local eok, err = pcall(tool.edit, again, changes, { quiet = true, as_of = AS_OF, by = "test" })
      if t.ok(eok, id .. ": edit.json applies") then
        local fresh = tool.open_worksheet(w.id)
        t.is(#fresh:history(), 2, id .. ": the edit is a second revision")
        local same = true
        for path, v in pairs(changes) do
          local got = get_path(fresh.answers, path)
          if type(v) ~= "table" and got ~= v and not (v == "" and got == nil) then
            same = false
            io.write("#   ", path, ": got ", tostring(got), ", want ", tostring(v), "\n")
          end
        end
        t.ok(same, id .. ": the edited answers are stored")
        for _, f in ipairs { { "markdown", "expected.md" }, { "html", "expected.html" } } do
          local s, why = render(fresh, f[1])
          -- the stylesheet is the theme's, not the tool's: keep it out of the tool goldens so a
          -- theme change does not touch eighteen files
          if s and f[1] == "html" then s = s:gsub("<style>.-</style>", "<style>(theme)</style>", 1) end
          if s then
            t.golden(s, rel .. f[2], id .. ": " .. f[1] .. " report")
          else
            t.ok(true, id .. ": " .. f[1] .. " report # SKIP " .. tostring(why))
          end
        end
      else
        io.write("#   ", (tostring(err):gsub("\n", "\n#   ")), "\n")
      end
    end

    for _, name in ipairs(list_bad(dir)) do
      local before = count_worksheets()
      local bok, berr = pcall(tool.run, id, dir .. "/" .. name, { quiet = true, as_of = AS_OF })
      t.ok(not bok, id .. ": " .. name .. " is refused")
      local msg = tostring(berr):gsub(TESTS:gsub("%p", "%%%0"), "$TESTS") .. "\n"
      t.golden(msg, rel .. name:gsub("%.%w+$", ".expected"), id .. ": " .. name .. " error message")
      t.is(count_worksheets(), before, id .. ": " .. name .. " leaves the workspace unchanged")
    end
  end
end

-- The board document (scripts/reports/district_plan.lua) from the ma_district_plan tool's plan:
-- every part of the Massachusetts outline the worksheet holds is in it (II.a data analysis,
-- III.c professional development per initiative, III.d induction and mentoring, IV evaluation),
-- with the annual action plan the ma_district_action_plan tool wrote (so: whole runs only).
if not only then
  local report = require "cairn.report"
  local def = assert(loadfile(assert(require("cairn.paths").find("reports/district_plan.lua"))))()
  local dp = plan.list { kind = "district_plan" }
  local doc = def.build { params = { plan = dp[#dp].id }, as_of = AS_OF, period = AS_OF:sub(1, 7), db = ws.db(),
    document = function(spec)
      spec.district, spec.as_of, spec.period = ws.district(), AS_OF, AS_OF:sub(1, 7)
      return report.new(spec)
    end }
  local md = doc:render("markdown")
  t.golden(md, "tools/ma_district_plan/board.md", "ma_district_plan: the district_plan board report")
  for _, part in ipairs { "Data Analysis", "Professional development", "Teacher Induction and Mentoring",
                          "Evaluating Initiative Effectiveness" } do
    t.ok(md:find(part, 1, true), "ma_district_plan: the board report has " .. part)
  end
end

-- Results analysis records its decisions on the tasks it names (other plans' items).
if not only or only.results_analysis then
  t.golden(table.concat(status_notes(), "\n") .. "\n", "tools/results_analysis/status-notes.txt",
    "results_analysis: decisions recorded on the project plan's tasks")
end

-- The chain a district follows: a root cause, the action step that addresses it, the
-- milestone that monitors that step.
if not only then
  local chains = {}
  for _, rc in ipairs(plan.list { kind = "root_cause_analysis" }) do
    for _, it in ipairs(rc:items { level = "root_cause" }) do
      for _, path in ipairs(plan.walk(it, { "addresses", "monitored_by" })) do
        chains[#chains + 1] = string.format("%s -> %s -> %s", path[1].text, path[2].text, path[3].text)
      end
    end
  end
  table.sort(chains)
  t.golden(table.concat(chains, "\n") .. "\n", "tools/chains.txt",
    "root cause -> action step -> monitoring milestone, walked in the plan model")
end

t.done()
