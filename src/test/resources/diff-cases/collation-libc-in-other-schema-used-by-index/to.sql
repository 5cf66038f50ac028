CREATE SCHEMA text_rules;
CREATE COLLATION text_rules.bytewise (provider = libc, locale = 'C');
CREATE TABLE public.words (w text);
CREATE INDEX words_w_bytewise_idx ON public.words (w COLLATE text_rules.bytewise);
