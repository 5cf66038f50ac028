CREATE TABLE public.short_links (id bigint PRIMARY KEY, target_url text NOT NULL);
