CREATE TYPE public.weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri');
CREATE TABLE public.meetings (
    id integer PRIMARY KEY,
    day public.weekday NOT NULL CONSTRAINT meetings_not_monday CHECK (day <> 'mon'),
    room text
);
CREATE INDEX meetings_day_idx ON public.meetings (day) WHERE day > 'tue';
COMMENT ON CONSTRAINT meetings_not_monday ON public.meetings IS 'no meetings on mondays';
