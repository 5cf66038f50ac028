CREATE EXTENSION btree_gist;
CREATE TABLE public.shifts (
    id integer PRIMARY KEY,
    nurse_id integer NOT NULL,
    during tstzrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT shifts_no_overlap EXCLUDE USING gist (nurse_id WITH =, during WITH &&) WHERE (NOT cancelled)
);
