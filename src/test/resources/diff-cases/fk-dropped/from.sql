CREATE TABLE public.teams (id integer PRIMARY KEY);
CREATE TABLE public.players (
    id integer PRIMARY KEY,
    team_id integer CONSTRAINT players_team_fkey REFERENCES public.teams (id)
);
