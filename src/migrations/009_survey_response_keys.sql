-- 009_survey_response_keys: survey_response loses UNIQUE (wave_id, fingerprint). Its keys are
-- hashes, so that index took every row at a random place: it was most of an import's time, and
-- once it outgrew the page cache (about a million responses) its pages were written many times
-- over. The importer now checks keys against the wave's keys held in memory (src/survey_keys.c,
-- survey.add_responses likewise), and the only index left, on wave_id, grows at its end.
-- The table is rebuilt. Dropping the old one deletes its rows first (foreign keys are on during
-- an upgrade), which would cascade to survey_number and survey_text: their rows are kept aside
-- and put back. The views over survey_response are made again as they were.
DROP VIEW survey_answers;
DROP VIEW survey_respondents;

CREATE TEMP TABLE keep_number AS SELECT * FROM survey_number;
CREATE TEMP TABLE keep_text AS SELECT * FROM survey_text;

CREATE TABLE survey_response_new (
    id          INTEGER PRIMARY KEY,
    wave_id     INTEGER NOT NULL REFERENCES survey_wave(id) ON DELETE CASCADE,
    import_id   INTEGER REFERENCES survey_import(id) ON DELETE SET NULL,
    fingerprint INTEGER NOT NULL,       -- hash of the row's answers and its occurrence number:
                                        -- unique within a wave (the importer checks it)
    ref         TEXT,                   -- respondent id (confidential waves only)
    a1 INTEGER NOT NULL DEFAULT 0, a2 INTEGER NOT NULL DEFAULT 0,
    a3 INTEGER NOT NULL DEFAULT 0, a4 INTEGER NOT NULL DEFAULT 0,
    a5 INTEGER NOT NULL DEFAULT 0, a6 INTEGER NOT NULL DEFAULT 0,
    a7 INTEGER NOT NULL DEFAULT 0, a8 INTEGER NOT NULL DEFAULT 0,
    answers     BLOB NOT NULL
) STRICT;
INSERT INTO survey_response_new SELECT id, wave_id, import_id, fingerprint, ref, a1, a2, a3, a4, a5, a6,
    a7, a8, answers FROM survey_response ORDER BY id;
DROP TABLE survey_response;
ALTER TABLE survey_response_new RENAME TO survey_response;
CREATE INDEX survey_response_wave ON survey_response(wave_id);

INSERT INTO survey_number SELECT * FROM keep_number;
INSERT INTO survey_text SELECT * FROM keep_text;
DROP TABLE keep_number;
DROP TABLE keep_text;

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
