CREATE TABLE public.members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handle text NOT NULL UNIQUE,
    display_name text,
    joined_on date NOT NULL DEFAULT current_date
);
