CREATE TABLE public.tenants (id integer PRIMARY KEY);
CREATE TABLE public.users (
    tenant_id integer NOT NULL REFERENCES public.tenants (id),
    id integer NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE TABLE public.documents (
    tenant_id integer NOT NULL,
    id integer NOT NULL,
    author_id integer,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, author_id) REFERENCES public.users (tenant_id, id)
);
