CREATE EXTENSION citext;
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('on', 'off');
CREATE TYPE app.pair AS (a integer, b integer);
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
CREATE SEQUENCE app.counter_seq;
CREATE TABLE app.things (
    id integer PRIMARY KEY,
    name app.positive,
    status app.status NOT NULL DEFAULT 'on',
    CONSTRAINT things_id_check CHECK (id > 0)
);
CREATE INDEX things_status_idx ON app.things (status);
CREATE VIEW app.on_things AS SELECT id FROM app.things WHERE status = 'on';
CREATE MATERIALIZED VIEW app.thing_count AS SELECT count(*) AS n FROM app.things;
CREATE FUNCTION app.double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
CREATE PROCEDURE app.reset() LANGUAGE sql AS $$ DELETE FROM app.things $$;
CREATE FUNCTION app.things_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER things_guard BEFORE INSERT ON app.things FOR EACH ROW EXECUTE FUNCTION app.things_guard();
ALTER TABLE app.things ENABLE ROW LEVEL SECURITY;
CREATE POLICY things_all ON app.things USING (true);
COMMENT ON EXTENSION citext IS 'case-insensitive text';
COMMENT ON SCHEMA app IS 'the application';
COMMENT ON TYPE app.status IS 'on or off';
COMMENT ON TYPE app.pair IS 'two integers';
COMMENT ON DOMAIN app.positive IS 'greater than zero';
COMMENT ON CONSTRAINT positive_check ON DOMAIN app.positive IS 'the domain check';
COMMENT ON SEQUENCE app.counter_seq IS 'counts';
COMMENT ON TABLE app.things IS 'things';
COMMENT ON COLUMN app.things.name IS 'a positive name, oddly';
COMMENT ON CONSTRAINT things_id_check ON app.things IS 'ids start at one';
COMMENT ON CONSTRAINT things_pkey ON app.things IS 'the key';
COMMENT ON INDEX app.things_status_idx IS 'by status';
COMMENT ON VIEW app.on_things IS 'things that are on';
COMMENT ON COLUMN app.on_things.id IS 'the thing';
COMMENT ON MATERIALIZED VIEW app.thing_count IS 'how many';
COMMENT ON FUNCTION app.double_it(integer) IS 'times two';
COMMENT ON PROCEDURE app.reset() IS 'empties things';
COMMENT ON TRIGGER things_guard ON app.things IS 'guards things';
COMMENT ON POLICY things_all ON app.things IS 'everyone sees everything';
