CREATE TABLE public.items (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.item_log (item_id integer, action text, at timestamptz DEFAULT now());
CREATE RULE items_log_update AS ON UPDATE TO public.items
    DO ALSO INSERT INTO public.item_log (item_id, action) VALUES (NEW.id, 'update');
