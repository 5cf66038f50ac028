CREATE TABLE public.rectangles (
    id integer PRIMARY KEY,
    width integer NOT NULL,
    height integer NOT NULL,
    area integer
);
