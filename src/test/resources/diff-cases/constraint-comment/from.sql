CREATE TABLE public.loans (
    id integer PRIMARY KEY,
    rate numeric(5, 3) NOT NULL CONSTRAINT loans_rate_check CHECK (rate > 0)
);
