CREATE TABLE public.members (org int NOT NULL, login text NOT NULL, name text);
CREATE UNIQUE INDEX members_login_idx ON public.members (login);
ALTER TABLE public.members REPLICA IDENTITY USING INDEX members_login_idx;
