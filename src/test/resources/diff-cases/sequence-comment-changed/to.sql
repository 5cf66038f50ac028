CREATE SEQUENCE public.batch_seq;
COMMENT ON SEQUENCE public.batch_seq IS 'Numbers nightly import batches';
