--liquibase formatted sql

--changeset verbatim:concurrent-indexes runInTransaction:false
-- three concurrent builds: each must reach PostgreSQL on its own
CREATE INDEX CONCURRENTLY accounts_balance_idx ON public.accounts (balance);
CREATE INDEX CONCURRENTLY accounts_config_idx ON public.accounts USING gin (config);   -- jsonb ? uses it
CREATE INDEX CONCURRENTLY audit_log_note_idx ON public.audit_log (note) WHERE note <> ';';
--rollback DROP INDEX CONCURRENTLY public.audit_log_note_idx;
--rollback DROP INDEX CONCURRENTLY public.accounts_config_idx;
--rollback DROP INDEX CONCURRENTLY public.accounts_balance_idx;
