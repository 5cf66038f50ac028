CREATE TABLE public.slots (
    id integer PRIMARY KEY,
    day date NOT NULL,
    room text NOT NULL,
    starts_at time NOT NULL,
    CONSTRAINT slots_unique UNIQUE (day, room)
);
