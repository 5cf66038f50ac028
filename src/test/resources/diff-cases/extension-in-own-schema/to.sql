CREATE SCHEMA extensions;
CREATE EXTENSION hstore SCHEMA extensions;
CREATE TABLE public.products (
    id integer PRIMARY KEY,
    attributes extensions.hstore NOT NULL DEFAULT ''::extensions.hstore
);
