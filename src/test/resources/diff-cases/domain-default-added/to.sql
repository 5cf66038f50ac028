CREATE DOMAIN public.quantity AS integer DEFAULT 1 CHECK (VALUE >= 0);
