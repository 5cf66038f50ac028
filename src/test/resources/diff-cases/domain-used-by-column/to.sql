CREATE DOMAIN public.phone_number AS text CHECK (VALUE ~ '^\+[0-9]{6,15}$');
CREATE TABLE public.contacts (id integer PRIMARY KEY, phone public.phone_number);
