CREATE TABLE public.imports (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name text NOT NULL
);
