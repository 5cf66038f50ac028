CREATE TYPE public.severity AS ENUM ('low', 'medium', 'high');
CREATE TABLE public.alerts (id integer PRIMARY KEY, severity public.severity NOT NULL);
