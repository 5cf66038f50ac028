CREATE TABLE public.records (id integer PRIMARY KEY, tenant text NOT NULL, archived boolean NOT NULL DEFAULT false);
ALTER TABLE public.records ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_tenant ON public.records USING (tenant = current_setting('app.tenant'));
