DROP CONSTRAINT nodes_parent_id_fkey;
