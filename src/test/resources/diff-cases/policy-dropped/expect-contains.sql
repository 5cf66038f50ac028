DROP POLICY tasks_unassigned ON public.tasks
