CREATE TABLE public.cafes (id integer PRIMARY KEY, name text NOT NULL);
COMMENT ON TABLE public.cafes IS E'Cafés we list.\nSee the \'partners\' page; 50% off ☕';
