CREATE SEQUENCE public.receipt_number_seq START WITH 5000;
CREATE TABLE public.receipts (
    id integer PRIMARY KEY,
    issued_at timestamptz NOT NULL DEFAULT now(),
    receipt_number bigint NOT NULL DEFAULT nextval('public.receipt_number_seq')
);
