CREATE TABLE public.clicks (
    user_id bigint NOT NULL,
    clicked_at timestamptz NOT NULL,
    url text
) PARTITION BY HASH (user_id);
CREATE TABLE public.clicks_p0 PARTITION OF public.clicks FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE public.clicks_p1 PARTITION OF public.clicks FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE public.clicks_p2 PARTITION OF public.clicks FOR VALUES WITH (MODULUS 3, REMAINDER 2);
