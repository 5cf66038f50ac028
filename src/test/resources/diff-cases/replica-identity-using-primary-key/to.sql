CREATE TABLE public.items (id bigint PRIMARY KEY, name text);
ALTER TABLE public.items REPLICA IDENTITY USING INDEX items_pkey;
