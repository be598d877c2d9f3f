-- Support Tracking (NEA, 002, Act: Establish Support Resources).
--
-- The leadership team's table of committees, the issues/projects they work on, the support
-- they need and how it will be provided. The report groups the rows by committee and lists the
-- support needs still open. It writes no plan content: it tracks support, not planned work.
local common = require "cairn.tools_common"

local statuses = { "Needed", "In progress", "Provided" }

local form = common.form {
  { id = "team", type = "text", label = "Leadership team" },
  { kind = "table", id = "supports", label = "Support tracking", min_rows = 1, row_label = "Row",
    help = "What committees are involved? What issues/projects are they working on? What support "
      .. "might they need? How will we provide this support?",
    columns = {
      { id = "committee", label = "Committee", type = "text", required = true },
      { id = "issue", label = "Issue/Project", type = "text", required = true },
      { id = "need", label = "Support Needed", type = "text", required = true,
        help = "For example training, technical assistance, access to content expertise, process "
          .. "tools, refreshers on group norms, project planning or decision making, facilitation." },
      { id = "method", label = "Method of Support", type = "text" },
      { id = "contact", label = "Who provides it?", report_label = "Provided by", type = "person" },
      { id = "status", label = "Status", type = "choice", choices = statuses, default = "Needed" },
    } },
}

local tool = {
  id = "support_tracking",
  title = "Support Tracking",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Establish Support Resources",
  stage = "Act: Establish Support Resources",
  framework = "NEA",
  summary = "The committees, their projects, the support they need and how it will be provided.",
  instructions = {
    "This tool helps leadership teams keep track of the multiple initiatives being undertaken in "
      .. "their school system, and in monitoring the support needs of the groups doing the work.",
    "Use the table below to organize your leadership team's thinking around the support needed by "
      .. "the various groups implementing initiatives, and how best to provide that support. Fill "
      .. "out the table by asking: What committees are involved? What issues/projects are they "
      .. "working on? What support might they need? How will we provide this support?",
  },
  form = form,
  worksheet_title = function(a) return common.filled(a.team) and ("Support tracking: " .. a.team) or nil end,
}

function tool.check(a, c)
  for _, r in ipairs(common.rows(a.supports)) do
    if not common.filled(r.method) then
      c.warn(string.format("supports[%d].method", r._n), "How will we provide this support?")
    end
  end
end

function tool.report(w, doc)
  local a = w.answers
  if common.filled(a.team) then doc:keyvalue { { "Leadership team", a.team } } end
  local el = common.element(form, "supports")
  local order, by = {}, {}
  for _, r in ipairs(common.rows(a.supports)) do
    if not by[r.committee] then
      by[r.committee] = {}
      order[#order + 1] = r.committee
    end
    table.insert(by[r.committee], r)
  end
  for _, name in ipairs(order) do
    local s = doc:section(name)
    common.form_table(s, el, by[name], { only = { "issue", "need", "method", "contact", "status" } })
  end
  local open = {}
  for _, r in ipairs(common.rows(a.supports)) do
    if r.status ~= "Provided" then
      open[#open + 1] = string.format("%s: %s (%s)", r.committee, r.need, (r.status or "Needed"):lower())
    end
  end
  local s = doc:section("Open support needs")
  if #open > 0 then s:list(open) else s:paragraph("Every support need has been provided.") end
end

return tool
