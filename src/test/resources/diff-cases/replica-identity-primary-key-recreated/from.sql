CREATE TABLE public.lines (doc int NOT NULL, n int NOT NULL, body text, CONSTRAINT lines_pkey PRIMARY KEY (doc));
ALTER TABLE public.lines REPLICA IDENTITY USING INDEX lines_pkey;
