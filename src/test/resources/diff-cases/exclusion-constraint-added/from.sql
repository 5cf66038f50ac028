CREATE TABLE public.reservations (
    id integer PRIMARY KEY,
    during tsrange NOT NULL
);
