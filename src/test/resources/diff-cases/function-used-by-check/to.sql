CREATE FUNCTION public.is_valid_iban(iban text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' $$;
CREATE TABLE public.bank_accounts (id integer PRIMARY KEY, iban text NOT NULL CHECK (public.is_valid_iban(iban)));
