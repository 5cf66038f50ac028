ALTER TABLE public.staff RENAME TO employees;
ALTER TABLE public.employees RENAME CONSTRAINT staff_pkey TO employees_pkey;
