CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text); CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
