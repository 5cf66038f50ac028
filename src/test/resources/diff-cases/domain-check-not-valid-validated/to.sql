CREATE DOMAIN public.positive_amount AS numeric(12, 2)
    CONSTRAINT positive_amount_check CHECK (VALUE > 0);
CREATE TABLE public.payments (id integer PRIMARY KEY, amount public.positive_amount NOT NULL);
