--liquibase formatted sql

--changeset verbatim:begin-atomic splitStatements:false rollbackSplitStatements:false
CREATE FUNCTION public.account_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
    SELECT count(*) FROM public.accounts;  -- one statement; then end
END;

CREATE PROCEDURE public.note_twice(msg text) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO public.audit_log (note) VALUES (msg || ';');
    INSERT INTO public.audit_log (note) VALUES (msg || ' -- again');
END;
--rollback DROP PROCEDURE public.note_twice(text);
--rollback DROP FUNCTION public.account_count();

--changeset verbatim:trigger splitStatements:false rollbackSplitStatements:false
CREATE FUNCTION public.audit_accounts() RETURNS trigger LANGUAGE plpgsql AS $trg$
BEGIN
    -- record every change; "quoted" and 'single' text stays
    INSERT INTO public.audit_log (note) VALUES (TG_OP || ' on accounts; id ' || NEW.id);
    RETURN NEW;  /* keep */
END;
$trg$;

CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE ON public.accounts
    FOR EACH ROW EXECUTE FUNCTION public.audit_accounts();
COMMENT ON TRIGGER accounts_audit ON public.accounts IS 'writes the audit log; see ''audit_log''';
--rollback DROP TRIGGER accounts_audit ON public.accounts;
--rollback DROP FUNCTION public.audit_accounts();
