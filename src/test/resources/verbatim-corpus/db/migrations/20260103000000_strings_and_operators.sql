--liquibase formatted sql

--changeset verbatim:strings splitStatements:false rollbackSplitStatements:false
CREATE VIEW public.tricky_strings AS
SELECT 'a;b' AS semi,
       '-- not a comment' AS dashes,
       '/* not a comment */' AS slashes,
       '$$ not a quote $$' AS dollars,
       'why? because' AS question,
       'it''s doubled' AS doubled,
       E'tab\there, quote \' and backslash \\' AS escaped,
       "semi;colon--name" AS quoted
FROM public.accounts;

COMMENT ON VIEW public.tricky_strings IS 'a view; with "quotes", it''s -- all /* text */ ?';
COMMENT ON COLUMN public.accounts.config IS E'settings\nsecond line: ''stripe'' ? key';
--rollback COMMENT ON COLUMN public.accounts.config IS NULL;
--rollback DROP VIEW public.tricky_strings;

--changeset verbatim:jsonb-operators splitStatements:false rollbackSplitStatements:false
CREATE VIEW public.stripe_accounts AS
SELECT id,
       config ? 'stripe' AS has_stripe,
       config ?| array['card', 'iban'] AS has_any,
       config ?& array['card', 'iban'] AS has_all
FROM public.accounts
WHERE config -> 'stripe' ? 'subscriptionId';

CREATE FUNCTION public.has_key(doc jsonb, k text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT doc ? k   -- the jsonb ? operator, never a parameter
$$;
--rollback DROP FUNCTION public.has_key(jsonb, text);
--rollback DROP VIEW public.stripe_accounts;
