CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, seen boolean) PARTITION BY RANGE (at);
CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE FUNCTION public.mark_seen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.seen := false; RETURN NEW; END $$;
