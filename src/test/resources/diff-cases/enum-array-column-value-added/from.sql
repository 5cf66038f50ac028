CREATE TYPE public.colour AS ENUM ('red', 'green');
CREATE TABLE public.items (id integer PRIMARY KEY, colours public.colour[] NOT NULL DEFAULT '{red}');
CREATE VIEW public.red_items AS SELECT id FROM public.items WHERE 'red' = ANY (colours);
CREATE INDEX items_colours_idx ON public.items USING gin (colours);
