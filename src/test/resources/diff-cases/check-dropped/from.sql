CREATE TABLE public.coupons (
    code text PRIMARY KEY,
    percent integer NOT NULL,
    CONSTRAINT coupons_percent_check CHECK (percent BETWEEN 1 AND 50)
);
