CREATE TABLE public.invoices (id integer PRIMARY KEY, due_on date NOT NULL);
