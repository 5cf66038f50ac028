CREATE TABLE public.subscribers ( -- automigrate:renamed-from contacts
    id integer PRIMARY KEY,
    email text NOT NULL,
    opted_in boolean NOT NULL DEFAULT false
);
CREATE VIEW public.newsletter AS SELECT id, email FROM public.subscribers WHERE opted_in;
-- signing up through the view opts the contact in
CREATE RULE newsletter_signup AS ON INSERT TO public.newsletter
    DO INSTEAD INSERT INTO public.subscribers (id, email, opted_in) VALUES (NEW.id, NEW.email, true);
