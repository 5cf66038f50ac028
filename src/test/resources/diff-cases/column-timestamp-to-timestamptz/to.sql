CREATE TABLE public.logins (id bigint PRIMARY KEY, at timestamp with time zone NOT NULL);
