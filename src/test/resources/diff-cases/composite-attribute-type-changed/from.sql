CREATE TYPE public.dimensions AS (width integer, height integer, unit varchar(5));
