CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE people (
    id bigint PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES teams (id),
    mentor_id bigint REFERENCES people (id),
    age integer CHECK (age BETWEEN 0 AND 150)
);
-- a new table: its index and foreign keys keep the plain form
CREATE TABLE badges (
    id bigint PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people (id),
    team_id bigint REFERENCES teams (id),
    label text NOT NULL UNIQUE
);
CREATE INDEX badges_person_idx ON badges (person_id);
CREATE INDEX people_team_idx ON people (team_id);
