CREATE TABLE public.items (id integer PRIMARY KEY, updated_at timestamptz);
