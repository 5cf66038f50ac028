CREATE TABLE public.tree_nodes ( -- automigrate:renamed-from nodes
    id integer PRIMARY KEY,
    parent_id integer CONSTRAINT nodes_parent_id_fkey REFERENCES public.tree_nodes (id)
);
