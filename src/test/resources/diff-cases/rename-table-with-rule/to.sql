CREATE TABLE public.issues ( -- automigrate:renamed-from tickets
    id integer PRIMARY KEY,
    title text NOT NULL,
    closed boolean NOT NULL DEFAULT false
);
-- a ticket is never deleted, only closed
CREATE RULE tickets_soft_delete AS ON DELETE TO public.issues
    DO INSTEAD UPDATE public.issues SET closed = true WHERE id = OLD.id;
