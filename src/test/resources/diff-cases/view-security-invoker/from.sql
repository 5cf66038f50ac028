CREATE TABLE public.salaries (employee text PRIMARY KEY, amount numeric NOT NULL);
CREATE VIEW public.salary_overview AS SELECT employee, amount FROM public.salaries;
