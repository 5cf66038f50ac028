CREATE TABLE public.accounts (id integer PRIMARY KEY, balance numeric(12, 2) NOT NULL DEFAULT 0);
CREATE PROCEDURE public.transfer(from_id integer, to_id integer, amount numeric)
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE public.accounts SET balance = balance - amount WHERE id = from_id;
    UPDATE public.accounts SET balance = balance + amount WHERE id = to_id;
END
$$;
