CREATE TABLE public.automigrate_rows_of_authors AS SELECT id, given_name, surname, born FROM public.authors;
