CREATE TABLE public.scores (player text NOT NULL, points integer NOT NULL);
CREATE FUNCTION public.leaderboard(top_n integer DEFAULT 10)
    RETURNS TABLE (player text, total bigint)
    LANGUAGE sql STABLE
    AS $$ SELECT player, sum(points) FROM public.scores GROUP BY player ORDER BY 2 DESC LIMIT top_n $$;
