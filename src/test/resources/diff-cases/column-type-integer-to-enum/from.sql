CREATE TYPE public.priority AS ENUM ('1', '2', '3');
CREATE TABLE public.jobs (id integer PRIMARY KEY, priority integer NOT NULL DEFAULT 2);
