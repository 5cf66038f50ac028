CREATE TABLE public.events (
    id bigint NOT NULL,
    kind text NOT NULL,
    happened_on date NOT NULL,
    PRIMARY KEY (id, kind, happened_on)
) PARTITION BY LIST (kind);
CREATE TABLE public.events_p1 PARTITION OF public.events FOR VALUES IN ('click');
CREATE TABLE public.events_other PARTITION OF public.events DEFAULT;
CREATE TABLE public.event_notes (
    id bigint PRIMARY KEY,
    event_id bigint NOT NULL,
    kind text NOT NULL,
    happened_on date NOT NULL,
    FOREIGN KEY (event_id, kind, happened_on) REFERENCES public.events (id, kind, happened_on)
);
CREATE VIEW public.event_kinds AS SELECT DISTINCT kind FROM public.events;
GRANT SELECT ON public.events TO PUBLIC;
