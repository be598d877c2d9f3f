-- 003_tool: worksheets, the stored runs of guidebook tools (lua/cairn/tool.lua).
--
-- A worksheet holds the current answers of one run of one tool; every save adds a revision
-- holding the answers as they were then, so nothing a team decided is ever overwritten.

CREATE TABLE worksheet (
    id           INTEGER PRIMARY KEY,
    tool         TEXT NOT NULL,                 -- tool id, e.g. five_whys
    tool_version TEXT NOT NULL,                 -- cairn.host.hash of the tool file that last saved it
    title        TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'final')),
    answers      TEXT NOT NULL,                 -- JSON, the shape of the tool's form
    position     TEXT,                          -- drafts: the question (its path) a run stopped at
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX worksheet_tool ON worksheet(tool, updated_at);

CREATE TABLE worksheet_revision (
    id           INTEGER PRIMARY KEY,
    worksheet    INTEGER NOT NULL REFERENCES worksheet(id) ON DELETE CASCADE,
    n            INTEGER NOT NULL,              -- 1, 2, ... per worksheet
    at           TEXT NOT NULL,
    by           TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'final')),
    tool_version TEXT NOT NULL,
    answers      TEXT NOT NULL,                 -- JSON, the answers at this revision
    summary      TEXT NOT NULL,                 -- what changed, in a line
    UNIQUE (worksheet, n)
) STRICT;

-- What a worksheet wrote into the plan model through its tool's to_plan: plans it created, and
-- items it added to plans that already existed; saving an edit removes them and writes anew.
CREATE TABLE worksheet_output (
    worksheet    INTEGER NOT NULL REFERENCES worksheet(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('plan', 'item')),
    ref          INTEGER NOT NULL,              -- plan.id or plan_item.id
    PRIMARY KEY (worksheet, kind, ref)
) STRICT;
