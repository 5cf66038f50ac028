CREATE FUNCTION public.is_valid_iban(iban text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT length(iban) BETWEEN 15 AND 34 $$;
CREATE TABLE public.bank_accounts (id integer PRIMARY KEY, iban text NOT NULL CHECK (public.is_valid_iban(iban)));
