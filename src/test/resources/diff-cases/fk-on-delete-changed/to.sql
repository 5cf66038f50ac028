CREATE TABLE public.posts (id integer PRIMARY KEY);
CREATE TABLE public.post_likes (
    post_id integer NOT NULL REFERENCES public.posts (id) ON DELETE CASCADE,
    user_name text NOT NULL,
    PRIMARY KEY (post_id, user_name)
);
