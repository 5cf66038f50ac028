CREATE TABLE public.people (id integer PRIMARY KEY, first_name varchar(20) NOT NULL);
