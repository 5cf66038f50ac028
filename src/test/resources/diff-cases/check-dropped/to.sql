CREATE TABLE public.coupons (
    code text PRIMARY KEY,
    percent integer NOT NULL
);
