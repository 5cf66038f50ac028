USING priority::text::public.priority
