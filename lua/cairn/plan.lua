-- cairn.plan: a district's plans as data. People and stakeholder groups; plans of any kind with
-- a tree of items (owner, dates, resources, tags, free fields, status with history); measures
-- with baseline, targets and observations; links between things; snapshots and diffs; the
-- queries a facilitator asks; SMART prompts. The contract is docs/plan-api.md; the pieces are
-- in lua/cairn/plan/ (core, measure, links, snapshot, query, check) and lua/cairn/smart.lua.
local core = require "cairn.plan.core"
local query = require "cairn.plan.query"
local dates = require "cairn.plan.dates"

-- Measures, links and snapshots load on first use (most commands and scripts use none of them,
-- and loading them was a good part of a short script's start-up). Their entries below are
-- stubs that load the module and call the real function, so tab-completion and help see the
-- same names as before.
local function measure() return require "cairn.plan.measure" end
local function links() return require "cairn.plan.links" end

-- A method another module defines on core.Item or core.Plan: until that module is loaded, a
-- stub that loads it (which replaces the stub with the method) and calls the method.
local function lazy_method(class, name, load)
  if rawget(class, name) ~= nil then return end -- the module is loaded already
  class[name] = function(self, ...)
    load()
    return class[name](self, ...)
  end
end
for _, name in ipairs { "measure", "observe", "measurement" } do lazy_method(core.Item, name, measure) end
for _, name in ipairs { "link", "links", "walk" } do lazy_method(core.Item, name, links) end
for _, name in ipairs { "snapshot", "snapshots", "diff" } do
  lazy_method(core.Plan, name, function() return require "cairn.plan.snapshot" end)
end

local plan = {}

-- people and groups
plan.person = core.person
plan.people = core.people
plan.find_person = core.find_person
plan.group = core.group
plan.groups = core.groups
plan.find_group = core.find_group

-- plans and items
plan.create = core.create
plan.get = core.get
plan.list = core.list
plan.item = core.item
plan.delete = core.delete

-- statuses and other vocabularies (tables a district may reword)
plan.statuses = core.statuses
plan.status_labels = core.status_labels
plan.item_kinds = core.item_kinds
plan.kind_labels = core.kind_labels
plan.relations = core.relations
plan.snapshot_words = core.snapshot_words
plan.measure_states = core.measure_state_labels

-- links
function plan.link(from, to, relation, note) return links().link(from, to, relation, note) end
function plan.unlink(from, to, relation) return links().unlink(from, to, relation) end
function plan.links(x, opts) return links().of(x, opts) end
function plan.walk(start, relations, opts) return links().walk(start, relations, opts) end

-- queries
plan.overdue = query.overdue
plan.due_within = query.due_within
plan.by_owner = query.by_owner
plan.by_status = query.by_status
plan.by_tag = query.by_tag
plan.unowned = query.unowned
plan.undated = query.undated
plan.status_counts = query.status_counts
function plan.measures(opts) return measure().all(opts) end
function plan.off_target(opts) return measure().off_target(opts) end
function plan.expected(m, date) return measure().expected(m, date) end

function core.Plan:measures(opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.plan = self.id
  return measure().all(o)
end
function core.Plan:off_target(opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.plan = self.id
  return measure().off_target(o)
end

-- p:report([format [, path]] [, {as_of =, days =}]): this plan's status report (the plan_status
-- report limited to the plan). No format: a value that prints as text in the REPL; a format:
-- the rendered string; a path too: the file written (atomically).
function core.Plan:report(format, path, opts)
  if type(format) == "table" then format, path, opts = nil, nil, format end
  if type(path) == "table" then path, opts = nil, path end
  opts = opts or {}
  local paths = require "cairn.paths"
  local report = require "cairn.report"
  local ws = require "cairn.workspace"
  local file = paths.find("reports/plan_status.lua")
  if not file then error("p:report: reports/plan_status.lua is not on the search path", 0) end
  local def = assert(loadfile(file, "t"))()
  local as_of = dates.check(opts.as_of or dates.today(), "as_of")
  local doc = def.build {
    params = { plan = self.id, days = opts.days }, as_of = as_of, period = as_of:sub(1, 7), db = ws.db(),
    document = function(spec)
      spec.district = spec.district or ws.district()
      spec.as_of = spec.as_of or as_of
      return report.new(spec)
    end,
  }
  if path then return doc:write(path, format) end
  if format then return doc:render(format) end
  return setmetatable({ doc = doc }, { __tostring = function(r) return (r.doc:render("text"):gsub("\n$", "")) end })
end

-- SMART prompts
function plan.smart_check(text, framework) return require("cairn.smart").check(text, framework) end
function core.Item:smart(framework) return plan.smart_check(self.text, framework) end

-- dates
plan.dates = dates
plan.today = dates.today

-- `cairn check`
function plan.check(db) return require("cairn.plan.check")(db) end

-- help texts: cairn.plan.help, registered by cairn.help the first time help is asked for
-- (loading them with the plan model was a good part of a short script's start-up)

return plan
