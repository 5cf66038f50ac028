CREATE TABLE public.temp_imports (
    id integer PRIMARY KEY,
    raw text
);
CREATE TABLE public.users (id integer PRIMARY KEY);
