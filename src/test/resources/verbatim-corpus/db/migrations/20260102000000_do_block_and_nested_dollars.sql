--liquibase formatted sql

--changeset verbatim:do-block splitStatements:false rollbackSplitStatements:false
DO $$
DECLARE
    n integer := 0; -- a counter; with a semicolon
BEGIN
    /* create the audit table only once */
    IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'audit_log') THEN
        EXECUTE 'CREATE TABLE public.audit_log (id bigserial PRIMARY KEY, note text NOT NULL)';
    END IF;
END
$$;

--changeset verbatim:nested-dollars splitStatements:false rollbackSplitStatements:false
CREATE FUNCTION public.make_greeter() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- a function that creates a function: $fn$ nested in the untagged body
    EXECUTE $fn$CREATE OR REPLACE FUNCTION public.greet(who text) RETURNS text LANGUAGE sql AS $g$ SELECT 'hello; ' || who $g$ $fn$;
END;
$$;
SELECT public.make_greeter();
--rollback DROP FUNCTION public.greet(text);
--rollback DROP FUNCTION public.make_greeter();
