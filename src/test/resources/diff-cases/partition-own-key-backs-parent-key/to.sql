CREATE TABLE public.invoices (id bigint NOT NULL, issued_on date NOT NULL) PARTITION BY RANGE (issued_on);
CREATE TABLE public.invoices_2026 PARTITION OF public.invoices FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
ALTER TABLE public.invoices_2026 ADD CONSTRAINT invoices_2026_pkey PRIMARY KEY (id, issued_on);
ALTER TABLE public.invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id, issued_on);
