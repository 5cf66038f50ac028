CREATE TABLE public.notes (id integer PRIMARY KEY, owner text NOT NULL DEFAULT current_user, body text);
