CREATE TABLE public.doc (id integer PRIMARY KEY, owner text NOT NULL);
ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc_owner ON public.doc USING (owner = current_user);
