CREATE TABLE public.countries (code char(2) PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.cities (
    id integer PRIMARY KEY,
    country_code char(2) NOT NULL REFERENCES public.countries (code) ON UPDATE CASCADE
);
