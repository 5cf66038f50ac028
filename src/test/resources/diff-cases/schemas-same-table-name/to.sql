CREATE SCHEMA app;
CREATE SCHEMA audit;
CREATE TABLE app.users (id integer PRIMARY KEY, email text NOT NULL, last_login timestamptz);
CREATE TABLE audit.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id integer NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_user_id_idx ON audit.users (user_id);
