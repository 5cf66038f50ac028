CREATE TYPE public.plan AS ENUM ('free', 'pro');
CREATE TABLE public.subscriptions (
    id integer PRIMARY KEY,
    plan public.plan NOT NULL DEFAULT 'free'
);
