CREATE TABLE public.boxes (
    w numeric NOT NULL,
    h numeric NOT NULL,
    area numeric GENERATED ALWAYS AS (w * h * 2) STORED,
    label text
);
