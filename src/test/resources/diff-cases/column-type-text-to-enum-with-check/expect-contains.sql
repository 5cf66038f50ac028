USING size::public.size
