CREATE TABLE public.webhooks (id integer PRIMARY KEY, payload text NOT NULL);
