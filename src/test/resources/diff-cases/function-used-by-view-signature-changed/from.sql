CREATE FUNCTION public.fmt_money(cents integer) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(cents / 100.0, 'FM999990.00') $$;
CREATE TABLE public.invoices (id integer PRIMARY KEY, total_cents integer NOT NULL);
CREATE VIEW public.invoice_display AS SELECT id, public.fmt_money(total_cents) AS total FROM public.invoices;
