CREATE TABLE public.keep (id int PRIMARY KEY);
CREATE TABLE public.legacy (code text NOT NULL, label text);
CREATE UNIQUE INDEX legacy_code_idx ON public.legacy (code);
ALTER TABLE public.legacy REPLICA IDENTITY USING INDEX legacy_code_idx;
