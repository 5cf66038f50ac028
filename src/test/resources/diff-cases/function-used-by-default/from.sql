CREATE FUNCTION public.new_ticket_code() RETURNS text
    LANGUAGE sql VOLATILE AS $$ SELECT 'T-' || floor(random() * 1000000)::text $$;
CREATE TABLE public.tickets (id integer PRIMARY KEY, code text NOT NULL DEFAULT public.new_ticket_code());
