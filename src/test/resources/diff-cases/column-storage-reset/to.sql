CREATE TABLE public.documents (id integer PRIMARY KEY, body text NOT NULL, digest bytea);
