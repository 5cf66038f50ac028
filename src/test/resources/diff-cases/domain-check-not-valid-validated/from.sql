CREATE DOMAIN public.positive_amount AS numeric(12, 2);
ALTER DOMAIN public.positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0) NOT VALID;
CREATE TABLE public.payments (id integer PRIMARY KEY, amount public.positive_amount NOT NULL);
