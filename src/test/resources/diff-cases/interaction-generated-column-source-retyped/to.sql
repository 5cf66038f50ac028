CREATE TABLE public.boxes (
    id integer PRIMARY KEY,
    side bigint NOT NULL,
    volume bigint GENERATED ALWAYS AS (side::bigint * side * side) STORED
);
