CREATE SEQUENCE public.ticket_number_seq;
CREATE TABLE public.tickets (
    id integer PRIMARY KEY,
    number bigint NOT NULL DEFAULT nextval('public.ticket_number_seq')
);
ALTER SEQUENCE public.ticket_number_seq OWNED BY public.tickets.number;
