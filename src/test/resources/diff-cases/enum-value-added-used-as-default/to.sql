CREATE TYPE public.plan AS ENUM ('trial', 'free', 'pro');
CREATE TABLE public.subscriptions (
    id integer PRIMARY KEY,
    plan public.plan NOT NULL DEFAULT 'trial'
);
