-- 007_survey_pattern: each wave's suppression pattern (lua/cairn/survey/linked.lua), stored so
-- that a fresh process reads it instead of searching it again (the search takes seconds to
-- minutes on a district's wave). STAMP says what it was computed from: the wave, its
-- instrument, the minimum and protection level, and the wave's import records and total
-- respondents (responses are only ever added by an import or an entry, each of which updates
-- those). A pattern whose stamp differs from the current one is never used: it is recomputed
-- and replaced. PATTERN lists the withheld cells, one per line: family (r = respondents, or an
-- item's index), table key, cell key and reason code, separated by tabs.
CREATE TABLE survey_pattern (
    wave_id INTEGER PRIMARY KEY REFERENCES survey_wave(id) ON DELETE CASCADE,
    stamp   TEXT NOT NULL,
    pattern TEXT NOT NULL
) STRICT;
