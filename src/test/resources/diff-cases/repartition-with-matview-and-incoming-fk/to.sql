CREATE TABLE public.tenants (id integer NOT NULL, plan text NOT NULL, name text, PRIMARY KEY (id, plan)) PARTITION BY LIST (plan);
CREATE TABLE public.tenants_free PARTITION OF public.tenants FOR VALUES IN ('free');
CREATE TABLE public.tenants_paid PARTITION OF public.tenants DEFAULT;
CREATE MATERIALIZED VIEW public.tenant_counts AS SELECT plan, count(*) AS n FROM public.tenants GROUP BY plan;
CREATE TABLE public.invoices (id integer PRIMARY KEY, tenant_id integer, plan text,
    FOREIGN KEY (tenant_id, plan) REFERENCES public.tenants (id, plan) ON DELETE CASCADE);
COMMENT ON CONSTRAINT tenants_pkey ON public.tenants IS 'tenant identity';
