USING colors::text::public.shade[]
