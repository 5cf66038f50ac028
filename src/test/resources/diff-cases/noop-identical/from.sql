CREATE SCHEMA app;
CREATE TYPE app.color AS ENUM ('red', 'green');
CREATE TABLE app.widgets (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    color app.color NOT NULL DEFAULT 'red',
    name text NOT NULL UNIQUE,
    weight numeric(6, 2) CHECK (weight > 0)
);
CREATE INDEX widgets_color_idx ON app.widgets (color);
CREATE VIEW app.red_widgets AS SELECT id, name FROM app.widgets WHERE color = 'red';
CREATE FUNCTION app.widget_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM app.widgets $$;
