CREATE TABLE public.salaries (employee text PRIMARY KEY, amount numeric NOT NULL);
CREATE VIEW public.salary_overview WITH (security_invoker = true) AS SELECT employee, amount FROM public.salaries;
