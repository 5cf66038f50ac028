CREATE COLLATION text_rules.bytewise (provider = libc, lc_collate = 'C', lc_ctype = 'C');
