-- 006_publish: what this workspace last sent to a state database (cairn publish,
-- lua/cairn/publish.lua). publish_row holds a fingerprint of every row as it was published, so
-- the next publish sends only rows that are new or changed and deletes the ones that are gone;
-- publish_log records each publish that the state committed. Written only after the state's
-- transaction committed: a publish that fails leaves both as they were.
CREATE TABLE publish_row (
    tbl  TEXT NOT NULL,                 -- the state table (plan_item, survey_result, ...)
    key  TEXT NOT NULL,                 -- the row's key there (id, or survey_result.key)
    hash TEXT NOT NULL,                 -- cairn.host.hash of the published values
    PRIMARY KEY (tbl, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE publish_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    state_id     TEXT NOT NULL,         -- the state database's cairn.state_setting 'state.id'
    target       TEXT NOT NULL,         -- database, user and host (never a password)
    publish_id   INTEGER NOT NULL,      -- the state's cairn.publish.publish_id
    published_at TEXT NOT NULL,
    rows_sent    INTEGER NOT NULL,
    rows_deleted INTEGER NOT NULL
) STRICT;
