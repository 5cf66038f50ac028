CREATE TABLE public.events (id bigint PRIMARY KEY, attributes jsonb NOT NULL DEFAULT '{}');
CREATE INDEX events_attributes_idx ON public.events USING gin (attributes jsonb_path_ops);
