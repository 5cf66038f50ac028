CREATE SCHEMA hr;
CREATE TABLE hr.staff (id integer PRIMARY KEY, name text NOT NULL);
