CREATE TABLE public.files (id integer PRIMARY KEY, path text NOT NULL);
CREATE INDEX files_path_prefix_idx ON public.files (path text_pattern_ops);
