CREATE TYPE public.weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri');
