CREATE FUNCTION public.new_ticket_code() RETURNS text
    LANGUAGE sql VOLATILE AS $$ SELECT 'TK-' || lpad(floor(random() * 1000000)::text, 6, '0') $$;
CREATE TABLE public.tickets (id integer PRIMARY KEY, code text NOT NULL DEFAULT public.new_ticket_code());
