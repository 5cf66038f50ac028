CREATE TABLE public.loans (
    id integer PRIMARY KEY,
    rate numeric(5, 3) NOT NULL CONSTRAINT loans_rate_check CHECK (rate > 0)
);
COMMENT ON CONSTRAINT loans_rate_check ON public.loans IS 'Zero-interest loans are grants, not loans';
