CREATE TABLE public.people (id integer PRIMARY KEY);
CREATE TABLE public.companies (id integer PRIMARY KEY);
CREATE TABLE public.contracts (
    id integer PRIMARY KEY,
    party_id integer NOT NULL,
    CONSTRAINT contracts_party_fkey FOREIGN KEY (party_id) REFERENCES public.companies (id)
);
