CREATE TABLE public.imports (
    id integer PRIMARY KEY,
    file_name text NOT NULL
);
