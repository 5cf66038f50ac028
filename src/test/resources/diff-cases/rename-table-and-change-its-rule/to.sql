CREATE TABLE public.logins ( -- automigrate:renamed-from sessions
    id uuid PRIMARY KEY,
    expires_at timestamp with time zone NOT NULL
);
-- updates may now extend a login, never shorten it
CREATE RULE sessions_no_update AS ON UPDATE TO public.logins
    WHERE NEW.expires_at < OLD.expires_at DO INSTEAD NOTHING;
