CREATE TYPE public.ticket_state AS ENUM ('open', 'waiting', 'closed');
CREATE TABLE public.tickets (id integer PRIMARY KEY, status public.ticket_state NOT NULL DEFAULT 'open');
