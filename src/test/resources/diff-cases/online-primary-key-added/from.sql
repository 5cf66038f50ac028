CREATE TABLE readings (sensor_id integer NOT NULL, taken_at timestamptz NOT NULL, value double precision);
INSERT INTO readings SELECT g % 10, timestamptz '2026-01-01' + g * interval '1 minute', g FROM generate_series(1, 5000) g;
CREATE TABLE legacy_codes (code text, label text);
INSERT INTO legacy_codes SELECT 'c' || g, 'l' || g FROM generate_series(1, 1000) g;
