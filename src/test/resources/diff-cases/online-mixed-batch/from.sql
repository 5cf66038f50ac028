CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE people (id bigint PRIMARY KEY, team_id bigint, mentor_id bigint, age integer);
INSERT INTO teams SELECT g, 't' || g FROM generate_series(1, 50) g;
INSERT INTO people SELECT g, g % 50 + 1, NULLIF(g - 1, 0), 20 + g % 40 FROM generate_series(1, 3000) g;
