CREATE TABLE public.documents (id integer PRIMARY KEY, title text NOT NULL);
CREATE TABLE public.invoices_docs (amount numeric(10, 2)) INHERITS (public.documents);
