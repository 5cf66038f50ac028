CREATE TABLE public.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE
);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES public.users (id),
    issued_on date NOT NULL DEFAULT current_date,
    total_cents bigint NOT NULL CHECK (total_cents >= 0)
);
CREATE INDEX invoices_user_id_idx ON billing.invoices (user_id);
