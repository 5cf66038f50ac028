DROP SEQUENCE public.old_ticket_seq
