CREATE TYPE public.weekday AS ENUM ('tue', 'thu');
