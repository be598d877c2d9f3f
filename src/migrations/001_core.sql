-- The core of every workspace: who it belongs to and its settings.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- District-wide settings a district may change (minimum group size for survey privacy, ...).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value ANY
) STRICT;

INSERT INTO settings(key, value) VALUES ('survey.min_group_size', 5);
