-- 004_report: recurring report runs (lua/cairn/reports.lua, docs/report-document.md).
-- A run is one `cairn report NAME` (or reports.run): its parameters, period and as-of date, and
-- the files it wrote with their fingerprints; each output may carry the data the report saved
-- with ctx.save, which the next period's run reads back as ctx.previous. A run is recorded
-- only when every file of it was written, in the same transaction, so a failed run leaves no
-- trace. Times are UTC ISO text; params and data are JSON written by cairn.json (sorted keys).

CREATE TABLE report_run (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    report      TEXT NOT NULL,                -- the definition's name ("overview")
    params      TEXT NOT NULL DEFAULT '{}',   -- JSON object of the typed parameters used
    period      TEXT,                         -- "2026-11", "2026-Q2", "2026-27" ...
    as_of       TEXT NOT NULL,                -- YYYY-MM-DD the report was computed for
    format      TEXT NOT NULL,                -- html, markdown, csv, json, xlsx, text, ...
    each        TEXT,                         -- the grouping of a batch (--each school), or NULL
    started_at  TEXT NOT NULL,                -- wall-clock time of the run (never in outputs)
    seconds     REAL NOT NULL DEFAULT 0,      -- how long it took
    cairn_version TEXT NOT NULL
) STRICT;
CREATE INDEX report_run_by_report ON report_run(report, id);

CREATE TABLE report_output (
    run_id  INTEGER NOT NULL REFERENCES report_run(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,               -- order within the run
    grp     TEXT,                           -- the group of a batch file, or NULL
    path    TEXT NOT NULL,                  -- the file written ("-" for standard output)
    hash    TEXT NOT NULL,                  -- cairn.host.hash of the bytes written
    bytes   INTEGER NOT NULL,
    data    TEXT,                           -- JSON saved by ctx.save for the next run, or NULL
    PRIMARY KEY (run_id, seq)
) STRICT;
CREATE INDEX report_output_by_group ON report_output(grp, run_id);
