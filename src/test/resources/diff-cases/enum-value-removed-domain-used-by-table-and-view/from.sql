CREATE TYPE public.priority AS ENUM ('low', 'medium', 'high');
CREATE DOMAIN public.ticket_priority AS public.priority DEFAULT 'medium' CHECK (VALUE <> 'low');
CREATE TABLE public.tickets (id integer PRIMARY KEY, priority public.ticket_priority NOT NULL DEFAULT 'high', title text);
CREATE VIEW public.urgent_tickets AS SELECT id, title FROM public.tickets WHERE priority::public.priority = 'high';
