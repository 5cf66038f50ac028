CREATE TABLE public.documents ( -- automigrate:renamed-from doc
    id integer PRIMARY KEY,
    owner text NOT NULL
);
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc_owner ON public.documents USING (owner = current_user);
