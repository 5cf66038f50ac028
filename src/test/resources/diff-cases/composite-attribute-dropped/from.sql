CREATE TYPE public.address AS (street text, street2 text, city text);
