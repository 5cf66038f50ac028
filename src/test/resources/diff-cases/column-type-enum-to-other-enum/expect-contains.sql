ALTER TABLE public.diary ALTER COLUMN mood DROP DEFAULT;
ALTER TABLE public.diary ALTER COLUMN mood TYPE public.feeling USING mood::text::public.feeling;
ALTER TABLE public.diary ALTER COLUMN mood SET DEFAULT 'ok'::public.feeling;
