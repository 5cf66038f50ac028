DROP TABLE public.books
