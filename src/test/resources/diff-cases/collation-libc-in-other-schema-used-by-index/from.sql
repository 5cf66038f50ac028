CREATE SCHEMA text_rules;
CREATE TABLE public.words (w text);
