DROP TYPE public.legacy_state
