CREATE TABLE public.projects (id integer PRIMARY KEY, owner_id integer NOT NULL, name text NOT NULL);
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_owner ON public.projects
    USING (owner_id = nullif(current_setting('app.user_id', true), '')::integer);
