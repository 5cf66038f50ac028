CREATE SCHEMA catalog;
CREATE TYPE catalog.tag AS ENUM ('new', 'sale', 'limited');
CREATE TABLE catalog.items (
    id integer PRIMARY KEY,
    name text NOT NULL,
    tags catalog.tag[] NOT NULL DEFAULT '{}'
);
