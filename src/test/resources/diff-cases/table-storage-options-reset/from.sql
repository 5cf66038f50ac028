CREATE TABLE public.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry jsonb NOT NULL
) WITH (autovacuum_enabled = false, toast_tuple_target = 256);
