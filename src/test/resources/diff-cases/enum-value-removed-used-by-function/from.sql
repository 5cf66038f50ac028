CREATE TYPE public.channel AS ENUM ('email', 'sms', 'fax');
CREATE FUNCTION public.is_instant(c public.channel) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c = 'sms' $$;
CREATE TABLE public.notifications (id integer PRIMARY KEY, channel public.channel NOT NULL);
