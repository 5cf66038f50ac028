CREATE TABLE public.short_links (id bigint PRIMARY KEY, target_url text NOT NULL);
CREATE INDEX short_links_target_hash_idx ON public.short_links USING hash (target_url);
