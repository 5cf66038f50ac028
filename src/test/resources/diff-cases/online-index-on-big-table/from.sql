CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    note text,
    happened_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO events (kind, note) SELECT 'kind-' || (g % 17), CASE WHEN g % 3 = 0 THEN 'a;b' END
FROM generate_series(1, 20000) g;
