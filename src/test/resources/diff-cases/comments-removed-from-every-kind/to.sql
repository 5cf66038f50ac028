CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('on', 'off');
CREATE TABLE app.things (id integer PRIMARY KEY, status app.status NOT NULL);
CREATE VIEW app.on_things AS SELECT id FROM app.things WHERE status = 'on';
CREATE FUNCTION app.double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
