CREATE TABLE public.webhooks (id integer PRIMARY KEY, payload jsonb NOT NULL);
