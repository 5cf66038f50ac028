--liquibase formatted sql

--changeset verbatim:functions-with-comments splitStatements:false rollbackSplitStatements:false
CREATE TABLE public.accounts (
    id bigint PRIMARY KEY,
    "semi;colon--name" text,          -- a quoted identifier holding ; and --
    balance numeric NOT NULL DEFAULT 0,
    config jsonb NOT NULL DEFAULT '{}'
);

CREATE FUNCTION public.add_interest(rate numeric) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    touched integer;  -- keep this comment
BEGIN
    /* and this one, /* nested */ too; with a semicolon */
    UPDATE public.accounts SET balance = balance * (1 + rate);
    GET DIAGNOSTICS touched = ROW_COUNT;
    RETURN touched;   -- the count; of rows
END;
$$;

CREATE FUNCTION public.label(id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $BODY$
BEGIN
    -- a tagged body: $$ inside it is just text
    RETURN 'account ' || id || ' $$ ;';
END;
$BODY$;

CREATE PROCEDURE public.reset_balances() LANGUAGE plpgsql AS $proc$
BEGIN
    -- procedures keep their comments too
    UPDATE public.accounts SET balance = 0;   /* ; */
END
$proc$;
--rollback DROP PROCEDURE public.reset_balances();
--rollback DROP FUNCTION public.label(bigint);
--rollback DROP FUNCTION public.add_interest(numeric);
--rollback DROP TABLE public.accounts;
