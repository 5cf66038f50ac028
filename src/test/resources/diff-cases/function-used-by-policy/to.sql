CREATE FUNCTION public.current_tenant() RETURNS integer
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::integer $$;
CREATE TABLE public.invoices (id integer PRIMARY KEY, tenant_id integer NOT NULL);
ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_tenant ON public.invoices USING (tenant_id = public.current_tenant());
