CREATE TABLE public.files (id integer PRIMARY KEY, owner text NOT NULL);
ALTER TABLE public.files ENABLE ROW LEVEL SECURITY;
CREATE POLICY files_owner ON public.files FOR SELECT USING (owner = current_user);
