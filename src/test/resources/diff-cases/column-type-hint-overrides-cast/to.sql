-- amounts become cents: a cast exists (numeric to integer rounds), but the values need more than a cast
CREATE TABLE public.prices (
    id integer PRIMARY KEY,
    amount integer NOT NULL -- automigrate:using round(amount * 100)::integer; rollback amount / 100.0
);
