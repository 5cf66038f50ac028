CREATE TABLE public.purchases ( -- automigrate:renamed-from orders
    id integer CONSTRAINT order_pk PRIMARY KEY,
    placed_on date NOT NULL,
    CONSTRAINT order_placed_check CHECK (placed_on > '2000-01-01')
);
CREATE INDEX order_placed_idx ON public.purchases (placed_on);
