TYPE bigint
