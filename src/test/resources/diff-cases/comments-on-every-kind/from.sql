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
