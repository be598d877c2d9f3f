-- Two sessions on two workspaces in one process do not see each other (cairn.session): each
-- keeps its own workspace handle and unit of work, its own fixed as_of and actor, its own sync
-- scope, and a rollback in one leaves the other's writes alone. The globals (ws, plan) follow
-- whichever session is current.
local t = require "tap"
local session = require "cairn.session"
local ws = require "cairn.workspace"
local plan = require "cairn.plan"
local sync = require "cairn.plan.sync"
local core = require "cairn.plan.core"
local worksheet = require "cairn.tool.worksheet"

local a = session.new { path = "session_a.db", as_of = "2026-01-05", actor = "ana" }
local b = session.new { path = "session_b.db", as_of = "2027-03-09", actor = "ben" }

t.is(a.as_of, "2026-01-05", "as_of is fixed when the session is made")
t.raises(function() session.new { as_of = "tomorrow" } end,
  "as_of: 'tomorrow' is not a date %(expected YYYY%-MM%-DD%)", "a bad as_of is refused with the field named")
t.ok(session.new().as_of:match("^%d%d%d%d%-%d%d%-%d%d$"), "without as_of the session takes today")

a:scope(function() ws.create("Adams District") end)
b:scope(function() ws.create("Baker District") end)
t.is(a:db():value("SELECT value FROM meta WHERE key = 'district'"), "Adams District", "A has its own workspace")
t.is(b:db():value("SELECT value FROM meta WHERE key = 'district'"), "Baker District", "B has its own workspace")

-- writes, as_of and actor follow the current session ------------------------------------------------
local function add_plan(title)
  local p = plan.create { kind = "action_plan", title = title, levels = { "goal" } }
  local it = p:add { text = title .. " goal", status = "on track" }
  return p, it
end

local pa, ia = a:scope(function()
  t.is(ws.path(), "session_a.db", "inside A's scope ws is A's workspace")
  t.is(plan.today(), "2026-01-05", "plan.today() is A's as_of")
  t.is(worksheet.user(), "ana", "the default author is A's actor")
  local p, it = add_plan("Attendance")
  -- B works in the middle of A's unit of work
  b:scope(function()
    t.is(ws.path(), "session_b.db", "a nested scope of B switches to B")
    t.is(plan.today(), "2027-03-09", "and to B's as_of")
    t.is(worksheet.user(), "ben", "and to B's actor")
    add_plan("Reading")
  end)
  t.is(ws.path(), "session_a.db", "after B's scope A is current again")
  return p, it
end)

local function titles(list)
  local out = {}
  for i, p in ipairs(list) do out[i] = p.title end
  return out
end
t.same(titles(a.plan.list()), { "Attendance" }, "A holds only its plan")
t.same(titles(b.plan.list()), { "Reading" }, "B holds only its plan")
t.is(a:db():value("SELECT on_date FROM status_change WHERE item_id = ?", ia.id), "2026-01-05",
  "A's initial status is dated A's as_of")
t.is(b:db():value("SELECT on_date FROM status_change"), "2027-03-09", "B's is dated B's as_of")

-- rollback of one session does not touch the other ------------------------------------------------
local ok, err = pcall(a.scope, a, function()
  pa:add { text = "Call families" }
  b:scope(function() plan.get("Reading"):add { text = "Buy books" } end)
  error("stop here", 0)
end)
t.ok(not ok and err == "stop here", "A's unit of work raised")
t.is(a:db():value("SELECT count(*) FROM plan_item"), 1, "A's failed unit left A as it was")
t.is(b:db():value("SELECT count(*) FROM plan_item"), 2, "B's unit, finished inside it, is kept")
t.ok(not a:db():in_transaction() and not b:db():in_transaction(), "no transaction left open on either")

-- the sync scope belongs to the session that opened it -----------------------------------------------
a:scope(function()
  local scope = sync.begin { plans = { pa.id } }
  t.is(a.sync, scope, "A holds the sync scope it opened")
  t.is(core.sync_scope(), scope, "plan code inside A sees it")
  b:scope(function()
    t.is(core.sync_scope(), nil, "plan code inside B does not")
    t.is(plan.get("Reading"):add { text = "Library visit" }.text, "Library visit", "B adds items as usual")
  end)
  t.raises(function() sync.begin {} end, "a sync scope is already open", "one sync scope per session")
  sync.abort(scope)
  t.is(a.sync, nil, "closing the scope clears A's sync state")
end)
t.is(b.sync, nil, "B never had a sync scope")

-- the bound modules and the globals ------------------------------------------------------------------
t.is(b.ws.district(), "Baker District", "s.ws is bound to its session")
t.is(a.plan.today(), "2026-01-05", "s.plan is bound to its session")
t.is(session.current() ~= a and session.current() ~= b, true, "outside their scopes neither is current")

a:close()
b:close()
os.remove("session_a.db")
os.remove("session_b.db")
t.done()
