CREATE TABLE public.tickets (
    id serial,
    queue text NOT NULL,
    title text,
    PRIMARY KEY (id, queue)
) PARTITION BY LIST (queue);
CREATE TABLE public.tickets_ops PARTITION OF public.tickets FOR VALUES IN ('ops');
CREATE TABLE public.tickets_rest PARTITION OF public.tickets DEFAULT;
INSERT INTO public.tickets (queue, title) VALUES ('ops', 'disk full'), ('dev', 'flaky test');
