CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text); CREATE VIEW v AS SELECT * FROM t WHERE a > 0;
