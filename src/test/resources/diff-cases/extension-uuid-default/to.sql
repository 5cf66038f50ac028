CREATE EXTENSION "uuid-ossp";
CREATE TABLE public.sessions (
    token text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    device_id uuid NOT NULL DEFAULT uuid_generate_v4()
);
