-- 005_survey: survey instruments, waves and responses (lua/cairn/survey.lua, docs/survey-api.md).
--
-- Storage is one row per respondent (survey_response) with the answers packed in a blob: one
-- byte per scale/choice/yes-no item (0 = no answer, 1..k = level or option position, 255 = not
-- applicable) and a bitmask per checklist item; numbers and open text, which are rare, go to
-- survey_number and survey_text. Per wave, survey_counts holds precomputed tallies for the whole
-- wave and for every value of every attribute (one blob of doubles per group), so results by
-- school read a few kilobytes instead of scanning millions of answers. survey_slot, survey_level
-- and survey_option describe the blob so that the plain-SQL views survey_answers and
-- survey_respondents can decode it (no C needed: `cairn sql` and the sqlite3 shell both work).

CREATE TABLE survey_instrument (
    id         TEXT NOT NULL,
    version    INTEGER NOT NULL,
    title      TEXT NOT NULL,
    definition TEXT NOT NULL,           -- the validated instrument, JSON (scales included)
    created_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
) STRICT;

-- Where each item lives in the answers blob of responses to one instrument version.
CREATE TABLE survey_slot (
    instrument TEXT NOT NULL,
    version    INTEGER NOT NULL,
    item       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('level', 'bits', 'number', 'text')),
    offset     INTEGER NOT NULL,        -- byte offset in survey_response.answers (level, bits)
    width      INTEGER NOT NULL,        -- bytes
    PRIMARY KEY (instrument, version, item),
    FOREIGN KEY (instrument, version) REFERENCES survey_instrument(id, version) ON DELETE CASCADE
) STRICT;

-- The meaning of a stored level byte (scale, yes/no and single-choice items).
CREATE TABLE survey_level (
    instrument TEXT NOT NULL,
    version    INTEGER NOT NULL,
    item       TEXT NOT NULL,
    code       INTEGER NOT NULL,        -- the stored byte
    value      ANY,                     -- the scale value (NULL for "not applicable")
    label      TEXT NOT NULL,
    PRIMARY KEY (instrument, version, item, code),
    FOREIGN KEY (instrument, version, item) REFERENCES survey_slot ON DELETE CASCADE
) STRICT;

-- The options of a checklist item: bit BIT of byte BYTE of the answers blob.
CREATE TABLE survey_option (
    instrument TEXT NOT NULL,
    version    INTEGER NOT NULL,
    item       TEXT NOT NULL,
    position   INTEGER NOT NULL,        -- 1-based option position
    byte       INTEGER NOT NULL,
    bit        INTEGER NOT NULL,
    label      TEXT NOT NULL,
    PRIMARY KEY (instrument, version, item, position),
    FOREIGN KEY (instrument, version, item) REFERENCES survey_slot ON DELETE CASCADE
) STRICT;

-- Respondent attributes declared by the instrument, in column order a1..a8.
CREATE TABLE survey_attribute (
    instrument TEXT NOT NULL,
    version    INTEGER NOT NULL,
    position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 8),
    name       TEXT NOT NULL,
    PRIMARY KEY (instrument, version, position),
    FOREIGN KEY (instrument, version) REFERENCES survey_instrument(id, version) ON DELETE CASCADE
) STRICT;

CREATE TABLE survey_wave (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    instrument TEXT NOT NULL,
    version    INTEGER NOT NULL,
    starts     TEXT,
    ends       TEXT,
    audience   TEXT,
    mode       TEXT NOT NULL DEFAULT 'anonymous' CHECK (mode IN ('anonymous', 'confidential')),
    roster     TEXT,                    -- JSON {attribute = {value = count}}
    created_at TEXT NOT NULL,
    FOREIGN KEY (instrument, version) REFERENCES survey_instrument(id, version)
) STRICT;

-- The values an attribute takes in a wave, coded 1..n in survey_response.a1..a8 (0 = blank).
CREATE TABLE survey_attr_value (
    wave_id  INTEGER NOT NULL REFERENCES survey_wave(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code     INTEGER NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (wave_id, position, code),
    UNIQUE (wave_id, position, value)
) STRICT;

CREATE TABLE survey_import (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    wave_id     INTEGER NOT NULL REFERENCES survey_wave(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,          -- file name, or 'entry'
    style       TEXT,
    rows        INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE survey_response (
    id          INTEGER PRIMARY KEY,
    wave_id     INTEGER NOT NULL REFERENCES survey_wave(id) ON DELETE CASCADE,
    import_id   INTEGER REFERENCES survey_import(id) ON DELETE SET NULL,
    fingerprint INTEGER NOT NULL,       -- hash of the row's answers and its occurrence number
    ref         TEXT,                   -- respondent id (confidential waves only)
    a1 INTEGER NOT NULL DEFAULT 0, a2 INTEGER NOT NULL DEFAULT 0,
    a3 INTEGER NOT NULL DEFAULT 0, a4 INTEGER NOT NULL DEFAULT 0,
    a5 INTEGER NOT NULL DEFAULT 0, a6 INTEGER NOT NULL DEFAULT 0,
    a7 INTEGER NOT NULL DEFAULT 0, a8 INTEGER NOT NULL DEFAULT 0,
    answers     BLOB NOT NULL,
    UNIQUE (wave_id, fingerprint)
) STRICT;

CREATE TABLE survey_number (
    response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
    item        TEXT NOT NULL,
    value       REAL NOT NULL,
    PRIMARY KEY (response_id, item)
) STRICT;

CREATE TABLE survey_text (
    response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
    item        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (response_id, item)
) STRICT;

-- Precomputed tallies: position 0 = the whole wave (code 0), else attribute a<position> = code.
CREATE TABLE survey_counts (
    wave_id     INTEGER NOT NULL REFERENCES survey_wave(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    code        INTEGER NOT NULL,
    respondents INTEGER NOT NULL,
    counts      BLOB NOT NULL,          -- doubles, laid out by cairn.survey's layout
    PRIMARY KEY (wave_id, position, code)
) STRICT;

-- One row per answer, whatever the storage: checklist answers give one row per chosen option.
CREATE VIEW survey_answers AS
SELECT w.name AS wave, r.id AS respondent, s.item AS item, l.value AS value, l.label AS label
  FROM survey_response r
  JOIN survey_wave w ON w.id = r.wave_id
  JOIN survey_slot s ON s.instrument = w.instrument AND s.version = w.version AND s.kind = 'level'
  JOIN survey_level l ON l.instrument = s.instrument AND l.version = s.version AND l.item = s.item
   AND l.code = (instr('0123456789ABCDEF', substr(hex(substr(r.answers, s.offset + 1, 1)), 1, 1)) - 1) * 16
              + instr('0123456789ABCDEF', substr(hex(substr(r.answers, s.offset + 1, 1)), 2, 1)) - 1
UNION ALL
SELECT w.name, r.id, o.item, o.position, o.label
  FROM survey_response r
  JOIN survey_wave w ON w.id = r.wave_id
  JOIN survey_option o ON o.instrument = w.instrument AND o.version = w.version
 WHERE (((instr('0123456789ABCDEF', substr(hex(substr(r.answers, o.byte + 1, 1)), 1, 1)) - 1) * 16
        + instr('0123456789ABCDEF', substr(hex(substr(r.answers, o.byte + 1, 1)), 2, 1)) - 1)
        >> o.bit) & 1
UNION ALL
SELECT w.name, r.id, n.item, n.value, NULL
  FROM survey_number n JOIN survey_response r ON r.id = n.response_id JOIN survey_wave w ON w.id = r.wave_id
UNION ALL
SELECT w.name, r.id, t.item, t.value, NULL
  FROM survey_text t JOIN survey_response r ON r.id = t.response_id JOIN survey_wave w ON w.id = r.wave_id;

CREATE VIEW survey_respondents AS
SELECT w.name AS wave, r.id AS respondent, a.name AS attribute, v.value AS value
  FROM survey_response r
  JOIN survey_wave w ON w.id = r.wave_id
  JOIN survey_attribute a ON a.instrument = w.instrument AND a.version = w.version
  JOIN survey_attr_value v ON v.wave_id = r.wave_id AND v.position = a.position
   AND v.code = CASE a.position WHEN 1 THEN r.a1 WHEN 2 THEN r.a2 WHEN 3 THEN r.a3
                 WHEN 4 THEN r.a4 WHEN 5 THEN r.a5 WHEN 6 THEN r.a6 WHEN 7 THEN r.a7
                 ELSE r.a8 END;
