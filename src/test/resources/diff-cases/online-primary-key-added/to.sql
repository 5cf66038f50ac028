CREATE TABLE readings (
    sensor_id integer NOT NULL,
    taken_at timestamptz NOT NULL,
    value double precision,
    CONSTRAINT readings_pkey PRIMARY KEY (sensor_id, taken_at)
);
-- code is nullable before: its NOT NULL goes through a validated check before the key is attached.
CREATE TABLE legacy_codes (code text PRIMARY KEY, label text);
