ALTER TABLE public.people REPLICA IDENTITY USING INDEX people_phone_idx;
