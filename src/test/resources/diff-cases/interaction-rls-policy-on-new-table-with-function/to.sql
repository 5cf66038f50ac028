CREATE FUNCTION public.app_user() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_setting('app.user', true) $$;
CREATE TABLE public.messages (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recipient text NOT NULL, body text NOT NULL);
ALTER TABLE public.messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY messages_recipient ON public.messages FOR SELECT USING (recipient = public.app_user());
