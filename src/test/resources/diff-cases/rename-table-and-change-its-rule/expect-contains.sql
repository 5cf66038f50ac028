ALTER TABLE public.sessions RENAME TO logins;
