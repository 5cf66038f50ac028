CREATE TABLE public.tasks (id integer PRIMARY KEY, assignee text);
ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tasks_assignee ON public.tasks USING (assignee = current_user);
