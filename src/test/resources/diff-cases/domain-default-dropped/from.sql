CREATE DOMAIN public.country_code AS char(2) DEFAULT 'NL';
