CREATE DOMAIN public.quantity AS integer CHECK (VALUE >= 0);
