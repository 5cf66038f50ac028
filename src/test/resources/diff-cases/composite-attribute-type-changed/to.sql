CREATE TYPE public.dimensions AS (width numeric(8, 2), height numeric(8, 2), unit varchar(5));
