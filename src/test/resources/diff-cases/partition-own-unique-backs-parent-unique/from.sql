-- The partition's own unique constraint is adopted by the parent's new one (PostgreSQL attaches it).
CREATE TABLE public.tickets (code text NOT NULL, sold_on date NOT NULL) PARTITION BY RANGE (sold_on);
CREATE TABLE public.tickets_2026 PARTITION OF public.tickets FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.tickets_2027 PARTITION OF public.tickets FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
ALTER TABLE public.tickets_2026 ADD CONSTRAINT tickets_2026_code_sold_on_key UNIQUE (code, sold_on);
