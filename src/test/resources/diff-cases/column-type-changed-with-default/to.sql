CREATE TABLE public.tickets (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new');
