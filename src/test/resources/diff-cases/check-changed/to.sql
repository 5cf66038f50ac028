CREATE TABLE public.employees (
    id integer PRIMARY KEY,
    age integer,
    CONSTRAINT employees_age_check CHECK (age >= 18 AND age < 100)
);
