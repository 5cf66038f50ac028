CREATE SEQUENCE public.event_id_seq AS integer;
