CREATE TABLE public.tickets (id integer PRIMARY KEY, number bigint);
CREATE SEQUENCE public.ticket_number_seq OWNED BY public.tickets.number;
CREATE TABLE public.queues (id integer PRIMARY KEY);
