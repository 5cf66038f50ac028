AS bigint
