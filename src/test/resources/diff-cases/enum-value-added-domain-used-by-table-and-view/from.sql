CREATE TYPE public.priority AS ENUM ('low', 'high');
CREATE DOMAIN public.ticket_priority AS public.priority DEFAULT 'low' NOT NULL;
CREATE TABLE public.tickets (id integer PRIMARY KEY, priority public.ticket_priority, title text);
CREATE VIEW public.urgent_tickets AS SELECT id, title FROM public.tickets WHERE priority::public.priority = 'high';
CREATE VIEW public.ticket_defaults AS SELECT 'low'::public.ticket_priority AS fallback;
