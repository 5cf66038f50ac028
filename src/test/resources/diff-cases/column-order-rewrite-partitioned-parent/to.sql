CREATE TABLE public.orders (
    id bigint NOT NULL,
    customer text,
    placed_on date NOT NULL,
    total numeric(10,2) NOT NULL,
    PRIMARY KEY (id, placed_on)
) PARTITION BY RANGE (placed_on);
CREATE TABLE public.orders_2026 PARTITION OF public.orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.orders_later PARTITION OF public.orders DEFAULT;
