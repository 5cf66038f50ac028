CREATE TABLE public.orders (id integer PRIMARY KEY, note text);
CREATE INDEX orders_note_idx ON public.orders (note);
