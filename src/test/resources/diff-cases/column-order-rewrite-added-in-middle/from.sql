CREATE TABLE public.members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handle text NOT NULL UNIQUE,
    joined_on date NOT NULL DEFAULT current_date
);
INSERT INTO public.members (handle) VALUES ('ada'), ('linus');
