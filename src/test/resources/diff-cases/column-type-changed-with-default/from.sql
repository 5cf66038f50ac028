CREATE TABLE public.tickets (id integer PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'new');
