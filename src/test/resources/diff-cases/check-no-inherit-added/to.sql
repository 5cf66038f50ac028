CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text, CONSTRAINT a_pos CHECK (a > 0) NO INHERIT);
