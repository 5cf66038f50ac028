CREATE DOMAIN public.ci_text AS text COLLATE "public"."ci";
