CREATE TABLE public.people (id integer PRIMARY KEY, first_name varchar(100) NOT NULL);
