CREATE SCHEMA shop;
CREATE TYPE shop.state AS ENUM ('draft', 'live');
CREATE FUNCTION shop.is_live(s shop.state) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s = 'live' $$;
CREATE TABLE shop.items (
    id integer PRIMARY KEY,
    state shop.state NOT NULL DEFAULT 'draft',
    CONSTRAINT items_state_known CHECK (shop.is_live(state) OR state = 'draft')
);
CREATE VIEW shop.live_items AS SELECT id FROM shop.items WHERE shop.is_live(state);
