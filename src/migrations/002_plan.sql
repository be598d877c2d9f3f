-- 002_plan: the plan model (lua/cairn/plan.lua, docs/plan-api.md). People and stakeholder
-- groups; plans with a tree of items; status history; measures with targets and observations;
-- generic links between things; snapshots. Dates are ISO 'YYYY-MM-DD' text (validated in Lua),
-- JSON columns are text written by cairn.json. Ids are never reused (AUTOINCREMENT) so links,
-- snapshots and reports that name an id keep meaning the same thing.

CREATE TABLE person (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role      TEXT,                 -- role or title: "Principal", "Association president"
    org       TEXT CHECK (org IN ('district', 'association', 'school', 'community')),
    org_name  TEXT,                 -- "Adams Middle", "Riverside Education Association"
    contact   TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE stakeholder_group (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind        TEXT CHECK (kind IN ('district', 'association', 'school', 'community')),
    description TEXT
) STRICT;

CREATE TABLE group_member (
    group_id  INTEGER NOT NULL REFERENCES stakeholder_group(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, person_id)
) STRICT;
CREATE INDEX group_member_person ON group_member(person_id);

CREATE TABLE plan (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,      -- district_plan, action_plan, project_plan, logic_model, ...
    title       TEXT NOT NULL,
    level       TEXT,               -- district, school, committee
    period      TEXT,               -- "2026-27", "2026-2029"
    levels      TEXT,               -- JSON list of the item level names this plan uses
    source_tool TEXT,               -- the tool id that wrote it, if any
    source_worksheet INTEGER,       -- that tool's worksheet id
    fields      TEXT,               -- JSON object: mission, vision, ... anything a tool adds
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX plan_kind ON plan(kind);
CREATE INDEX plan_source ON plan(source_tool, source_worksheet);

CREATE TABLE plan_item (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES plan_item(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,     -- order among siblings (1, 2, ...)
    level     TEXT NOT NULL,        -- goal, strategic_objective, initiative, action_step, ...
    text      TEXT NOT NULL,
    kind      TEXT,                 -- process | early_evidence | interim | final | short_term | long_term
    owner_id  INTEGER REFERENCES person(id),
    start     TEXT,
    due       TEXT,
    status    TEXT NOT NULL DEFAULT 'not_started'
              CHECK (status IN ('not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped')),
    percent   REAL CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
    res_available TEXT,
    res_needed    TEXT,
    cost      REAL,
    funding   TEXT,
    fields    TEXT,                 -- JSON object
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX plan_item_plan ON plan_item(plan_id, parent_id, position);
CREATE INDEX plan_item_parent ON plan_item(parent_id);
CREATE INDEX plan_item_owner ON plan_item(owner_id);
CREATE INDEX plan_item_due ON plan_item(due);
CREATE INDEX plan_item_status ON plan_item(status);

CREATE TABLE item_tag (
    item_id INTEGER NOT NULL REFERENCES plan_item(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (item_id, tag)
) STRICT;
CREATE INDEX item_tag_tag ON item_tag(tag);

-- Every status change, in the order it was recorded; plan_item.status is the latest.
CREATE TABLE status_change (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id   INTEGER NOT NULL REFERENCES plan_item(id) ON DELETE CASCADE,
    status    TEXT NOT NULL
              CHECK (status IN ('not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped')),
    percent   REAL,
    on_date   TEXT NOT NULL,
    by_id     INTEGER REFERENCES person(id),
    note      TEXT,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX status_change_item ON status_change(item_id, id);

CREATE TABLE measure (
    item_id   INTEGER PRIMARY KEY REFERENCES plan_item(id) ON DELETE CASCADE,
    metric    TEXT NOT NULL,
    unit      TEXT,
    direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    baseline_value REAL,
    baseline_date  TEXT
) STRICT;

CREATE TABLE measure_target (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES measure(item_id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
    value   REAL NOT NULL,
    date    TEXT NOT NULL
) STRICT;
CREATE INDEX measure_target_item ON measure_target(item_id, date);

CREATE TABLE observation (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES measure(item_id) ON DELETE CASCADE,
    value   REAL NOT NULL,
    date    TEXT NOT NULL,
    source  TEXT,
    note    TEXT
) STRICT;
CREATE INDEX observation_item ON observation(item_id, date);

-- Links between any two things (items, plans, people, survey items, worksheets), by kind and id.
CREATE TABLE link (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    from_kind TEXT NOT NULL,
    from_id   INTEGER NOT NULL,
    relation  TEXT NOT NULL,
    to_kind   TEXT NOT NULL,
    to_id     INTEGER NOT NULL,
    note      TEXT,
    UNIQUE (from_kind, from_id, relation, to_kind, to_id)
) STRICT;
CREATE INDEX link_to ON link(to_kind, to_id, relation);

CREATE TABLE plan_snapshot (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    taken_on TEXT NOT NULL,
    data     TEXT NOT NULL,         -- JSON: the plan's items as they were
    UNIQUE (plan_id, name)
) STRICT;

-- For `cairn sql` and spreadsheets: items with their plan, owner and measure in words.
CREATE VIEW plan_items_view AS
SELECT i.id, p.title AS plan, p.kind AS plan_kind, i.parent_id, i.position, i.level, i.text,
       i.kind, o.name AS owner, i.start, i.due, i.status, i.percent,
       i.res_available, i.res_needed, i.cost, i.funding,
       (SELECT group_concat(tag, '; ') FROM (SELECT tag FROM item_tag t WHERE t.item_id = i.id ORDER BY tag)) AS tags,
       m.metric, m.unit, m.direction, m.baseline_value, m.baseline_date
FROM plan_item i
JOIN plan p ON p.id = i.plan_id
LEFT JOIN person o ON o.id = i.owner_id
LEFT JOIN measure m ON m.item_id = i.id;
