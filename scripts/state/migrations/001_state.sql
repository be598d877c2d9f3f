-- 001_state: the state database (docs/state.md). Every district's published rows, in schema
-- cairn. Each data table has district_id first in its primary key and is hash-partitioned by
-- it, so it can later be distributed by district_id (Citus) without changing the schema.
-- Row-level security on every table: a district's role reads and writes only its own rows
-- (cairn.current_district()), the analyst role reads everything and writes nothing.
-- Run by `cairn state init` as the database owner, in one transaction.

-- Roles are per cluster; a second state database in the same cluster shares them.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cairn_district') THEN
    CREATE ROLE cairn_district NOLOGIN;   -- every district's role is a member
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cairn_analyst') THEN
    CREATE ROLE cairn_analyst NOLOGIN;    -- state analysts: read-only across districts
  END IF;
END $$;

CREATE SCHEMA cairn;
GRANT USAGE ON SCHEMA cairn TO cairn_district, cairn_analyst;

-- Which migrations this database has (cairn refuses one newer than it knows).
CREATE TABLE cairn.migration (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON cairn.migration TO cairn_district, cairn_analyst;

-- State-wide settings, e.g. survey.min_group_size (the state's minimum; districts publish at
-- the larger of theirs and this).
CREATE TABLE cairn.state_setting (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO cairn.state_setting VALUES ('survey.min_group_size', '5'),
  ('state.id', md5(random()::text || clock_timestamp()::text));
GRANT SELECT ON cairn.state_setting TO cairn_district, cairn_analyst;

-- The districts and the role each publishes as (a reference table: small, on every node).
CREATE TABLE cairn.district (
    district_id integer PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    role_name   text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The district of the connected role (NULL for anyone else). district_of reads the district
-- table as its owner; current_district is the caller's side, so current_user is the caller.
CREATE FUNCTION cairn.district_of(role_name name) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT district_id FROM cairn.district WHERE role_name = $1 $$;
CREATE FUNCTION cairn.current_district() RETURNS integer
  LANGUAGE sql STABLE AS $$ SELECT cairn.district_of(current_user) $$;
REVOKE EXECUTE ON FUNCTION cairn.district_of(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cairn.district_of(name), cairn.current_district()
  TO cairn_district, cairn_analyst;

-- One row per publish: when, by which cairn, how much.
CREATE TABLE cairn.publish (
    district_id  integer NOT NULL,
    publish_id   integer NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    cairn_version text NOT NULL,
    rows_sent    integer NOT NULL,
    rows_deleted integer NOT NULL,
    PRIMARY KEY (district_id, publish_id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.person (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    name        text NOT NULL,
    role        text,
    org         text,
    org_name    text,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.plan (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    kind        text NOT NULL,
    title       text NOT NULL,
    level       text,
    period      text,
    created_at  text,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.plan_item (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    plan_id     bigint NOT NULL,
    parent_id   bigint,
    position    integer NOT NULL,
    level       text NOT NULL,
    text        text NOT NULL,
    kind        text,
    owner_id    bigint,
    start       date,
    due         date,
    status      text NOT NULL,
    percent     double precision,
    tags        text,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.status_change (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    item_id     bigint NOT NULL,
    status      text NOT NULL,
    percent     double precision,
    on_date     date NOT NULL,
    by_id       bigint,
    note        text,
    recorded_at text NOT NULL,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.measure (
    district_id    integer NOT NULL,
    item_id        bigint NOT NULL,
    metric         text NOT NULL,
    unit           text,
    direction      text NOT NULL,
    baseline_value double precision,
    baseline_date  date,
    PRIMARY KEY (district_id, item_id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.measure_target (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    item_id     bigint NOT NULL,
    kind        text NOT NULL,
    value       double precision NOT NULL,
    date        date NOT NULL,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.observation (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    item_id     bigint NOT NULL,
    value       double precision NOT NULL,
    date        date NOT NULL,
    source      text,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.worksheet (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    tool        text NOT NULL,
    title       text NOT NULL,
    answers     jsonb NOT NULL,
    updated_at  text NOT NULL,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

CREATE TABLE cairn.report_run (
    district_id integer NOT NULL,
    id          bigint NOT NULL,
    report      text NOT NULL,
    period      text,
    as_of       date NOT NULL,
    format      text NOT NULL,
    started_at  text NOT NULL,
    PRIMARY KEY (district_id, id)
) PARTITION BY HASH (district_id);

-- Survey results as published: aggregates only, after suppression at the larger of the
-- district's and the state's minimum group size. A withheld cell has suppressed = true and no
-- numbers. grp is '' for the whole district, else "school=NAME".
CREATE TABLE cairn.survey_result (
    district_id     integer NOT NULL,
    key             text NOT NULL,          -- wave, grp and item, for incremental publishing
    wave            text NOT NULL,
    instrument      text NOT NULL,
    grp             text NOT NULL,
    item            text NOT NULL,
    item_text       text,
    suppressed      boolean NOT NULL,
    respondents     integer,
    n               integer,
    favorable_count integer,
    favorable       double precision,
    mean            double precision,
    min_group_size  integer NOT NULL,
    PRIMARY KEY (district_id, key)
) PARTITION BY HASH (district_id);

-- Partitions, row-level security and grants for every district table.
DO $$
DECLARE
  t text;
  i integer;
BEGIN
  FOREACH t IN ARRAY ARRAY['publish', 'person', 'plan', 'plan_item', 'status_change', 'measure',
      'measure_target', 'observation', 'worksheet', 'report_run', 'survey_result'] LOOP
    FOR i IN 0..7 LOOP
      EXECUTE format('CREATE TABLE cairn.%I PARTITION OF cairn.%I FOR VALUES WITH (MODULUS 8, REMAINDER %s)',
                     t || '_p' || i, t, i);
    END LOOP;
    EXECUTE format('ALTER TABLE cairn.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY own_rows ON cairn.%I TO cairn_district '
                   'USING (district_id = cairn.current_district()) '
                   'WITH CHECK (district_id = cairn.current_district())', t);
    EXECUTE format('CREATE POLICY read_all ON cairn.%I FOR SELECT TO cairn_analyst USING (true)', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON cairn.%I TO cairn_district', t);
    EXECUTE format('GRANT SELECT ON cairn.%I TO cairn_analyst', t);
  END LOOP;
END $$;

ALTER TABLE cairn.district ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_row ON cairn.district FOR SELECT TO cairn_district
  USING (district_id = cairn.current_district());
CREATE POLICY read_all ON cairn.district FOR SELECT TO cairn_analyst USING (true);
GRANT SELECT ON cairn.district TO cairn_district, cairn_analyst;

CREATE INDEX ON cairn.plan_item (district_id, status);
CREATE INDEX ON cairn.observation (district_id, item_id, date);
CREATE INDEX ON cairn.measure_target (district_id, item_id, date);
