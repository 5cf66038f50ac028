CREATE TABLE public.logins (id bigint PRIMARY KEY, at timestamp without time zone NOT NULL);
