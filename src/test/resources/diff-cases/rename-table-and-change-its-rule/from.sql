CREATE TABLE public.sessions (
    id uuid PRIMARY KEY,
    expires_at timestamp with time zone NOT NULL
);
CREATE RULE sessions_no_update AS ON UPDATE TO public.sessions DO INSTEAD NOTHING;
