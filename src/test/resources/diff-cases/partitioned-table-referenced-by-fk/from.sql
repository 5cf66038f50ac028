CREATE TABLE public.accounts (id integer NOT NULL, region text NOT NULL, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE public.accounts_eu PARTITION OF public.accounts FOR VALUES IN ('eu');
CREATE TABLE public.accounts_us PARTITION OF public.accounts FOR VALUES IN ('us');
CREATE TABLE public.statements (id integer PRIMARY KEY, account_id integer NOT NULL, region text NOT NULL);
