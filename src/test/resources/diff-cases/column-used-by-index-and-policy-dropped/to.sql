CREATE TABLE public.documents (
    id integer PRIMARY KEY,
    tenant_id integer NOT NULL,
    body text
);
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_owner ON public.documents
    USING (tenant_id = current_setting('app.tenant_id')::integer);
