CREATE TABLE public.tickets (
    id serial,
    queue text NOT NULL,
    title text,
    PRIMARY KEY (id, queue)
);
