CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text) WITH (autovacuum_enabled = false, fillfactor = 80);
