CREATE TABLE public.documents (
    id integer PRIMARY KEY,
    tenant_id integer NOT NULL,
    owner_name text NOT NULL,
    body text
);
CREATE INDEX documents_owner_name_idx ON public.documents (owner_name);
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_owner ON public.documents USING (owner_name = current_user);
