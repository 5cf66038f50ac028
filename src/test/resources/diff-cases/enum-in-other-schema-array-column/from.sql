CREATE SCHEMA catalog;
CREATE TABLE catalog.items (id integer PRIMARY KEY, name text NOT NULL);
