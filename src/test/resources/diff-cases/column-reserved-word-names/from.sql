CREATE TABLE public."user" (id integer PRIMARY KEY, "order" integer);
