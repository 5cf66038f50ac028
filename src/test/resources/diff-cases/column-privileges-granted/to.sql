DO $$ BEGIN CREATE ROLE column_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$; CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text); GRANT SELECT (a, b) ON t TO column_reader;
