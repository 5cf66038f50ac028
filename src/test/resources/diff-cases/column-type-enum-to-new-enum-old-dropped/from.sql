CREATE TYPE public.status AS ENUM ('open', 'closed');
CREATE TABLE public.tickets (id integer PRIMARY KEY, status public.status NOT NULL DEFAULT 'open');
