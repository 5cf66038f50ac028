CREATE TABLE public.tickets (id integer NOT NULL, status text NOT NULL) PARTITION BY LIST (status);
CREATE TABLE public.tickets_open PARTITION OF public.tickets FOR VALUES IN ('open');
CREATE TABLE public.tickets_rest PARTITION OF public.tickets DEFAULT;
