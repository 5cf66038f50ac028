USING mood::text::public.feeling
