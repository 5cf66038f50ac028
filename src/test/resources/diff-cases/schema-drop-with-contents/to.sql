CREATE TABLE public.app_settings (key text PRIMARY KEY, value text);
