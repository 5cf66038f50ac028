CREATE TABLE public.tags (id int, label text);
INSERT INTO public.tags VALUES (1, 'a'), (2, 'B');
