TYPE character varying(100)
