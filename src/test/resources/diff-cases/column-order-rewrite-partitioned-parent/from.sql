CREATE TABLE public.orders (
    id bigint NOT NULL,
    placed_on date NOT NULL,
    total numeric(10,2) NOT NULL,
    PRIMARY KEY (id, placed_on)
) PARTITION BY RANGE (placed_on);
CREATE TABLE public.orders_2026 PARTITION OF public.orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.orders_later PARTITION OF public.orders DEFAULT;
INSERT INTO public.orders VALUES (1, '2026-03-04', 12.50), (2, '2027-07-01', 3.00);
