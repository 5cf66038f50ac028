CREATE TABLE public.events (
    id integer NOT NULL PRIMARY KEY,
    happened_at timestamp with time zone NOT NULL DEFAULT now(),
    flag boolean DEFAULT false,
    title character varying(40),
    score double precision,
    amount numeric(10, 2) DEFAULT 0
);
